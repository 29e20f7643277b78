package io.settlehub.carrier.partner.cdek;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /v2/orders/{uuid}}: the order as CDEK API v2 describes it, in the fields the hub uses. {@code number} is
 * the number the client gave the order when registering it; {@code delivery_detail} carries what CDEK charged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CdekOrder(Entity entity, List<Request> requests) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entity(String uuid, int type, @JsonProperty("is_return") boolean isReturn, @JsonProperty("is_reverse") boolean isReverse,
                         @JsonProperty("is_client_return") boolean isClientReturn, @JsonProperty("cdek_number") String cdekNumber,
                         String number, @JsonProperty("tariff_code") int tariffCode, List<Package> packages, List<Status> statuses,
                         @JsonProperty("delivery_detail") DeliveryDetail deliveryDetail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Package(String number, int weight, List<Item> items) {
    }

    /** A package item: {@code ware_key} is the seller's article, {@code amount} the number of units. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String name, @JsonProperty("ware_key") String wareKey, BigDecimal cost, int weight, int amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String code, String name, @JsonProperty("date_time") String dateTime, String city) {
    }

    /** What CDEK charges for the order: delivery, and in total with its services, VAT included. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryDetail(@JsonProperty("delivery_sum") BigDecimal deliverySum, @JsonProperty("total_sum") BigDecimal totalSum,
                                 @JsonProperty("delivery_vat_sum") BigDecimal deliveryVatSum) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(@JsonProperty("request_uuid") String requestUuid, String type, String state, List<Problem> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String code, String message) {
    }
}
