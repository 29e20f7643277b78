package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a derivation resumes from: the client's checkpoint, the lot units every applied sale of the orders to rebuild
 * took (order id → sale event id → per line, its portions), and the currency of every other order that exists
 * (those the rebuilt orders' payouts also name).
 */
public record Resumption(Checkpoint checkpoint, Map<String, Map<String, List<List<PortionRef>>>> takes,
                         Map<String, String> otherOrders) {

    /** The facts that can change only the orders they name (or, for a charge without an order, only themselves). */
    private static final Set<EventType> ORDER_LOCAL = EnumSet.of(EventType.SALE, EventType.PRICE_ADJUSTED, EventType.RETURN,
            EventType.HOLD_PLACED, EventType.HOLD_RELEASED, EventType.MARKETPLACE_CHARGE, EventType.MARKETPLACE_PAYOUT,
            EventType.BANK_CREDIT);
    private static final Set<EventType> STOCK_MOVING = EnumSet.of(EventType.SALE, EventType.PRICE_ADJUSTED, EventType.RETURN);

    /**
     * Whether a checkpoint can take these new facts without a full derivation: each fact changes only the orders it
     * names (no lots, customs, freight or rates), no payout comes without its orders, and every sale, adjustment or
     * return comes after the frontier in business order, so the stock the checkpoint left is the stock it meets.
     */
    public static boolean accepts(Checkpoint checkpoint, Collection<CanonicalEvent> newFacts) {
        if (checkpoint.unlistedPayouts()) {
            return false;
        }
        for (CanonicalEvent event : newFacts) {
            if (!ORDER_LOCAL.contains(event.type())) {
                return false;
            }
            if (event.payload() instanceof MarketplacePayout payout && payout.orders().isEmpty()) {
                return false;
            }
            if (STOCK_MOVING.contains(event.type()) && checkpoint.frontier() != null
                    && BusinessKey.of(event).compareTo(checkpoint.frontier()) <= 0) {
                return false;
            }
        }
        return true;
    }
}
