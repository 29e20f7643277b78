package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.util.List;
import java.util.Map;

/** The figures of one sold order line (docs/design.md, "Settlement") and its share of the buckets. */
public record LineSettlement(
        String sku,
        int quantity,
        int returned,
        Waterfall waterfall,
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
        Money pending,
        List<LotUse> lots,
        List<String> eventIds) {

    /** The marketplace's fee rate at sale (fees at sale / sale gross); empty when the sale gross is not positive. */
    public java.util.Optional<java.math.BigDecimal> feeRateAtSale() {
        Money saleGross = waterfall.saleGross();
        return saleGross.signum() > 0
                ? java.util.Optional.of(waterfall.saleFees().amount().divide(saleGross.amount(), java.math.MathContext.DECIMAL64))
                : java.util.Optional.empty();
    }

    /**
     * Where {@code gross} and {@code marketplaceFees} come from: gross = saleGross + adjustments − refunds;
     * fees = saleFees − feesReversed + returnLogistics + orderCharges (late marketplace charges for this order).
     */
    public record Waterfall(Money saleGross, Money adjustments, Money refunds, Money saleFees, Money feesReversed,
                            Money returnLogistics, Money orderCharges) {
    }

    /** Units taken from one lot, with the unit costs and the exchange rate that priced them. */
    public record LotUse(String receiptId, String supplierId, int quantity, Money unitGoodsCost, java.math.BigDecimal rate,
                         java.math.BigDecimal unitCustoms, java.math.BigDecimal unitLogistics) {
    }
}
