package io.settlehub.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope of every message on {@code hub.events} with its typed payload.
 * {@code json} is the message body as received, kept so that a redelivery can be compared byte-for-byte
 * in meaning with the first delivery (same eventId, different body = conflict).
 */
public record CanonicalEvent(
        String eventId,
        EventType type,
        int schemaVersion,
        String source,
        String clientId,
        Instant occurredAt,
        EventPayload payload) {

    public CanonicalEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public java.time.LocalDate businessDate() {
        return BusinessCalendar.dateOf(occurredAt);
    }
}
