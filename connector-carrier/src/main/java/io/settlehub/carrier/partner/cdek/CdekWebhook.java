package io.settlehub.carrier.partner.cdek;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A CDEK webhook: {@code {"type": "ORDER_STATUS", "date_time", "uuid", "attributes": {...}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdekWebhook(String type, @JsonProperty("date_time") String dateTime, String uuid, Attributes attributes) {

    /** CDEK's order identifiers are UUIDs (API v2: {@code entity.uuid}). */
    private static final java.util.regex.Pattern UUID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_FIELD = 100;

    /** Whether a text is one of CDEK's order UUIDs. */
    public static boolean isOrderUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    /** What is wrong with this webhook, naming the field; empty when every field is within what CDEK sends. */
    public java.util.Optional<String> problem() {
        if (type == null || type.isBlank() || type.length() > MAX_FIELD) {
            return java.util.Optional.of("type: must be a text of 1 to " + MAX_FIELD + " characters");
        }
        if (dateTime != null && dateTime.length() > MAX_FIELD) {
            return java.util.Optional.of("date_time: must be at most " + MAX_FIELD + " characters");
        }
        if (uuid != null && !isOrderUuid(uuid)) {
            return java.util.Optional.of("uuid: must be a CDEK order UUID (8-4-4-4-12 hexadecimal digits)");
        }
        if (attributes != null) {
            for (String value : new String[] {attributes.cdekNumber(), attributes.number(), attributes.code(), attributes.statusDateTime(),
                    attributes.cityName()}) {
                if (value != null && value.length() > MAX_FIELD) {
                    return java.util.Optional.of("attributes: a field is longer than " + MAX_FIELD + " characters");
                }
            }
        }
        return java.util.Optional.empty();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attributes(@JsonProperty("is_return") boolean isReturn, @JsonProperty("cdek_number") String cdekNumber, String number,
                             String code, @JsonProperty("status_date_time") String statusDateTime, @JsonProperty("city_name") String cityName,
                             @JsonProperty("is_reverse") boolean isReverse, @JsonProperty("is_client_return") boolean isClientReturn) {
    }
}
