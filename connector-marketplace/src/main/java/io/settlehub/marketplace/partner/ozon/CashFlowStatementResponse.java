package io.settlehub.marketplace.partner.ozon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The cash-flow statement: per payout period the sums, and in {@code details} the payments Ozon made. */
public record CashFlowStatementResponse(Result result) {

    public record Result(@JsonProperty("cash_flows") List<CashFlow> cashFlows, List<Details> details,
                         @JsonProperty("page_count") long pageCount) {

        public List<Details> details() {
            return details == null ? List.of() : details;
        }
    }

    public record CashFlow(Period period, @JsonProperty("orders_amount") BigDecimal ordersAmount,
                           @JsonProperty("returns_amount") BigDecimal returnsAmount,
                           @JsonProperty("commission_amount") BigDecimal commissionAmount,
                           @JsonProperty("services_amount") BigDecimal servicesAmount,
                           @JsonProperty("item_delivery_and_return_amount") BigDecimal itemDeliveryAndReturnAmount,
                           @JsonProperty("currency_code") String currencyCode) {
    }

    public record Period(long id, String begin, String end) {
    }

    public record Details(Period period, List<Payment> payments,
                          @JsonProperty("begin_balance_amount") BigDecimal beginBalanceAmount,
                          @JsonProperty("end_balance_amount") BigDecimal endBalanceAmount) {

        public List<Payment> payments() {
            return payments == null ? List.of() : payments;
        }
    }

    /** A transfer Ozon made to the seller in the period. */
    public record Payment(@JsonProperty("currency_code") String currencyCode, BigDecimal payment) {
    }
}
