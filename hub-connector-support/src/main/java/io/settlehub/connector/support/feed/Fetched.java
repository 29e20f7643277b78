package io.settlehub.connector.support.feed;

import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import java.time.Instant;
import java.util.List;

/**
 * What one fetch of one account brought: the canonical events and the records no event took, where the next fetch
 * resumes, and the business time the feed has now read up to (the lag metric).
 */
public record Fetched<W>(List<CanonicalEvent> events, List<UnmappedRecord> unmapped, W next, Instant readUpTo) {

    public Fetched {
        events = List.copyOf(events);
        unmapped = List.copyOf(unmapped);
    }
}
