package io.settlehub.carrier.partner.cdek;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A CDEK webhook: {@code {"type": "ORDER_STATUS", "date_time", "uuid", "attributes": {...}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdekWebhook(String type, @JsonProperty("date_time") String dateTime, String uuid, Attributes attributes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attributes(@JsonProperty("is_return") boolean isReturn, @JsonProperty("cdek_number") String cdekNumber, String number,
                             String code, @JsonProperty("status_date_time") String statusDateTime, @JsonProperty("city_name") String cityName,
                             @JsonProperty("is_reverse") boolean isReverse, @JsonProperty("is_client_return") boolean isClientReturn) {
    }
}
