package io.settlehub.core.settlement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a derivation found: the settlement, the lot units each applied sale took (order id → sale event id → per
 * sale line, its portions), the checkpoint after it, the sales a resumed derivation left parked without
 * re-examining them (they stay parked for the reason recorded when they were first examined), and the currency pairs
 * ({@code "CNY/RUB"}) it looked a rate up for, found or not: only a rate of one of them can change what it found.
 */
public record Derivation(ClientSettlement settlement, Map<String, Map<String, List<List<PortionRef>>>> taken,
                         Checkpoint checkpoint, Set<String> stillParked, Set<String> ratePairs) {

    /** How a currency pair is spelled in {@link #ratePairs}. */
    public static String pair(String base, String quote) {
        return base + "/" + quote;
    }

    /** The orders that exist after the derivation, with the lot units their sales took: what a checkpoint records. */
    public List<StoredOrder> storedOrders() {
        return settlement.orders().stream().map(o -> new StoredOrder(o.orderId(), o.currency(), taken.get(o.orderId()))).toList();
    }
}
