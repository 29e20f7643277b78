package io.settlehub.marketplace.partner.ozon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /v1/finance/accrual/types}: the dictionary from numeric type_id to the operation's name. */
public record AccrualTypesResponse(@JsonProperty("accrual_types") List<AccrualType> accrualTypes) {

    public List<AccrualType> accrualTypes() {
        return accrualTypes == null ? List.of() : accrualTypes;
    }

    public record AccrualType(int id, String name) {
    }
}
