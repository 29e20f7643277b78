package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The event each transfer of a batch is booked to, so that every movement on a statement names its own cause: an
 * order's figures the batch's first event that names the order (its sale, hold, return, payout…), a charge its own
 * event, a payout's transfer the payout; anything else (a rate that re-priced the client, an agreement changed) the
 * batch's cause.
 */
public final class TransferCauses implements Function<String, String> {

    private final Map<String, String> byScope;
    private final String fallback;

    private TransferCauses(Map<String, String> byScope, String fallback) {
        this.byScope = byScope;
        this.fallback = fallback;
    }

    /** Every transfer booked to one cause (a rebuild after an agreement changed, a recalculation). */
    public static TransferCauses always(String cause) {
        return new TransferCauses(Map.of(), cause);
    }

    /** The causes of one client's new facts; {@code fallback} for what none of them names. */
    public static TransferCauses of(List<CanonicalEvent> facts, String fallback) {
        Map<String, String> byScope = new HashMap<>();
        for (CanonicalEvent event : facts) {
            for (String orderId : NamedOrders.of(event)) {
                byScope.putIfAbsent("order/" + event.source() + "/" + orderId + "/", event.eventId());
            }
            if (event.payload() instanceof MarketplacePayout payout) {
                byScope.putIfAbsent(SettlementPostings.payoutKey(event.source(), payout.payoutId()), event.eventId());
            }
            byScope.putIfAbsent(SettlementPostings.chargeKey(event.eventId()), event.eventId());
        }
        return new TransferCauses(byScope, fallback);
    }

    /** The cause of a transfer of the component with this key. */
    @Override
    public String apply(String componentKey) {
        String cause = byScope.get(componentKey);
        if (cause == null && componentKey.startsWith("order/")) {
            String[] parts = componentKey.split("/", 4);
            if (parts.length == 4) {
                cause = byScope.get("order/" + parts[1] + "/" + parts[2] + "/");
            }
        }
        return cause == null ? fallback : cause;
    }
}
