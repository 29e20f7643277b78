package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A sold line's marketplace fee rate at sale (fees at sale / sale gross), with the two figures it is of: one observation
 * of what the marketplace keeps of a SKU, recorded by ingest when the line is sold (decision 0020).
 */
public record FeeObservation(String source, String orderId, int lineIndex, String sku, BigDecimal rate, Money saleFees, Money saleGross) {

    /** The order's lines with a positive sale gross, in line order. */
    public static List<FeeObservation> of(OrderSettlement order) {
        List<FeeObservation> observed = new ArrayList<>(order.lines().size());
        for (int i = 0; i < order.lines().size(); i++) {
            LineSettlement line = order.lines().get(i);
            int index = i;
            line.feeRateAtSale().ifPresent(rate -> observed.add(new FeeObservation(order.source(), order.orderId(), index, line.sku(), rate,
                    line.waterfall().saleFees(), line.waterfall().saleGross())));
        }
        return observed;
    }
}
