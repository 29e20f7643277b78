package io.settlehub.marketplace.partner.ozon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The page of accruals and the cursor of the next page (empty when the day is exhausted). */
public record AccrualByDayResponse(List<Accrual> accruals, @JsonProperty("last_id") String lastId,
                                   @JsonProperty("has_next") Boolean hasNext) {

    public List<Accrual> accruals() {
        return accruals == null ? List.of() : accruals;
    }
}
