package io.settlehub.marketplace.partner.aliexpress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code aliexpress.solution.order.get}: one page of the seller's orders, as the IOP gateway wraps it
 * ({@code aliexpress_solution_order_get_response.result}). Field names as AliExpress publishes them; see
 * docs/partners/aliexpress.md for what had to be assumed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderListResponse(@JsonProperty("aliexpress_solution_order_get_response") Envelope response,
                                @JsonProperty("error_response") ErrorResponse error) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Envelope(Result result, @JsonProperty("request_id") String requestId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(@JsonProperty("error_code") String errorCode, @JsonProperty("error_message") String errorMessage,
                         @JsonProperty("total_count") int totalCount, @JsonProperty("current_page") int currentPage,
                         @JsonProperty("total_page") int totalPage, @JsonProperty("target_list") TargetList targetList,
                         boolean success) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TargetList(@JsonProperty("order_dto") List<Order> orders) {
    }

    /** One order. Times are "yyyy-MM-dd HH:mm:ss" in the seller's time zone (UTC+8 for the global platform). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(@JsonProperty("order_id") String orderId,
                        @JsonProperty("gmt_create") String gmtCreate,
                        @JsonProperty("gmt_pay_time") String gmtPayTime,
                        @JsonProperty("gmt_update") String gmtUpdate,
                        @JsonProperty("order_status") String orderStatus,
                        @JsonProperty("fund_status") String fundStatus,
                        @JsonProperty("frozen_status") String frozenStatus,
                        @JsonProperty("issue_status") String issueStatus,
                        @JsonProperty("end_reason") String endReason,
                        @JsonProperty("pay_amount") Amount payAmount,
                        @JsonProperty("escrow_fee") Amount escrowFee,
                        @JsonProperty("affiliate_fee") Amount affiliateFee,
                        @JsonProperty("refund_amount") Amount refundAmount,
                        @JsonProperty("gmt_fund_release") String gmtFundRelease,
                        @JsonProperty("product_list") ProductList productList) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductList(@JsonProperty("order_product_dto") List<Product> products) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(@JsonProperty("product_id") String productId,
                          @JsonProperty("sku_code") String skuCode,
                          @JsonProperty("product_count") int productCount,
                          @JsonProperty("product_unit_price") Amount unitPrice,
                          @JsonProperty("total_product_amount") Amount totalProductAmount) {
    }

    /** Money as AliExpress writes it: a decimal string and its currency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Amount(String amount, @JsonProperty("currency_code") String currencyCode) {
    }

    /** The gateway's own error (bad signature, expired token, call limit). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorResponse(String code, String msg, @JsonProperty("sub_code") String subCode,
                                @JsonProperty("sub_msg") String subMsg, @JsonProperty("request_id") String requestId) {
    }
}
