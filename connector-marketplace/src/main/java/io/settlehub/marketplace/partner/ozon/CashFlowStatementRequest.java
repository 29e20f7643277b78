package io.settlehub.marketplace.partner.ozon;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /v1/finance/cash-flow-statement/list}: the financial report by payout period. */
public record CashFlowStatementRequest(Period date, @JsonProperty("with_details") boolean withDetails, long page,
                                       @JsonProperty("page_size") long pageSize) {

    /** ISO date-times {@code YYYY-MM-DDTHH:mm:ss.sssZ}. */
    public record Period(String from, String to) {
    }
}
