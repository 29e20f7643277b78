package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.util.Map;

/** The figures of one sold order line (DESIGN.md, "One sold order line") and its share of the buckets. */
public record LineSettlement(
        String sku,
        int quantity,
        Money gross,
        Money marketplaceFees,
        Money marketplaceNet,
        Money serviceCommission,
        Money commissionVat,
        Map<String, Money> goodsCostBySupplier,
        Money goodsCost,
        Money customsCost,
        Money logisticsCost,
        Money landedCost,
        Money clientNet,
        Money held,
        Money available,
        Money pending) {
}
