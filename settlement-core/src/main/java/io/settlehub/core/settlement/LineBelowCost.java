package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * A sold line whose kept units brought in (gross less marketplace fees) less than they cost landed: what the alert rule
 * "sold below landed cost" names. Ingest records an order's such lines with the order (decision 0020), so the rule reads
 * them instead of rebuilding the order.
 */
public record LineBelowCost(String sku, int units, Money brought, Money landedCost) {

    /** The order's lines below their landed cost, in line order; empty for most orders. */
    public static List<LineBelowCost> of(OrderSettlement order) {
        List<LineBelowCost> below = new ArrayList<>(0);
        for (LineSettlement line : order.lines()) {
            Money brought = line.gross().minus(line.marketplaceFees());
            if (line.quantity() > line.returned() && line.landedCost().signum() > 0 && brought.compareTo(line.landedCost()) < 0) {
                below.add(new LineBelowCost(line.sku(), line.quantity() - line.returned(), brought, line.landedCost()));
            }
        }
        return below;
    }
}
