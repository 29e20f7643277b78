package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import java.time.Instant;
import java.util.Comparator;

/** Where an event stands in business order: when it occurred, then its id (the order every derivation takes facts in). */
public record BusinessKey(Instant occurredAt, String eventId) implements Comparable<BusinessKey> {

    private static final Comparator<BusinessKey> ORDER =
            Comparator.comparing(BusinessKey::occurredAt).thenComparing(BusinessKey::eventId);

    public static BusinessKey of(CanonicalEvent event) {
        return new BusinessKey(event.occurredAt(), event.eventId());
    }

    @Override
    public int compareTo(BusinessKey other) {
        return ORDER.compare(this, other);
    }
}
