package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.HoldPlaced;
import io.settlehub.contract.EventPayload.HoldReleased;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PayoutOrder;
import io.settlehub.contract.EventPayload.PriceAdjusted;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import java.util.List;

/** The orders (of its client) an event names: what it can change when it applies. */
public final class NamedOrders {

    private NamedOrders() {
    }

    public static List<String> of(CanonicalEvent event) {
        Object payload = event.payload();
        if (payload instanceof Sale sale) {
            return List.of(sale.orderId());
        } else if (payload instanceof PriceAdjusted adjustment) {
            return List.of(adjustment.orderId());
        } else if (payload instanceof Return ret) {
            return List.of(ret.orderId());
        } else if (payload instanceof HoldPlaced hold) {
            return List.of(hold.orderId());
        } else if (payload instanceof HoldReleased release) {
            return List.of(release.orderId());
        } else if (payload instanceof MarketplaceCharge charge) {
            return charge.orderId() == null ? List.of() : List.of(charge.orderId());
        } else if (payload instanceof MarketplacePayout payout) {
            return payout.orders().stream().map(PayoutOrder::orderId).distinct().toList();
        }
        return List.of();
    }
}
