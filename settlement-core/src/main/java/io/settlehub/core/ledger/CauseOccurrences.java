package io.settlehub.core.ledger;

import java.time.Instant;

/**
 * When the events that cause postings occurred, as far as is known without reading the database: the facts a batch has
 * just recorded, and those recently applied. The balance days book a movement on its cause's business day.
 */
@FunctionalInterface
public interface CauseOccurrences {

    /** Nothing known: every cause's time is read from the recorded facts. */
    CauseOccurrences NONE = eventId -> null;

    /** When the event occurred, or null when it is not known here. */
    Instant occurredAt(String eventId);
}
