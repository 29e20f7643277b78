package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.time.Instant;
import java.util.List;

/**
 * One order's settlement: its lines, and the order-level quantities of the bucket formula —
 * marketplace net {@code M}, outstanding hold {@code H} and marketplace payments so far {@code P} (capped at
 * {@code M − H}; what the marketplace paid beyond that, {@code paidBeyondNet}, it claws back from a later payout),
 * when the marketplace expects to release its hold (the latest date its holds gave; null when none gave one), and the
 * ids of the events that produced it.
 */
public record OrderSettlement(
        String orderId,
        String source,
        String currency,
        Instant soldAt,
        List<LineSettlement> lines,
        Money marketplaceNet,
        Money outstandingHold,
        Money marketplacePaid,
        Money paidBeyondNet,
        Instant expectedRelease,
        List<String> eventIds) {

    public Money sum(java.util.function.Function<LineSettlement, Money> figure) {
        // a loop, not a stream: called for every figure of every order a batch touches
        List<Money> parts = new java.util.ArrayList<>(lines.size());
        for (LineSettlement line : lines) {
            parts.add(figure.apply(line));
        }
        return Money.sum(currency, parts);
    }
}
