package io.settlehub.marketplace.partner.ozon;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /v1/finance/accrual/by-day}: one day of accruals, cursor-paged by {@code last_id}. */
public record AccrualByDayRequest(String date, @JsonProperty("last_id") String lastId) {
}
