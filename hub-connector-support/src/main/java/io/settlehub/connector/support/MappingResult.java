package io.settlehub.connector.support;

import io.settlehub.contract.CanonicalEvent;
import java.util.List;

/** What one partner record became: canonical events, or the record itself with why it could not be mapped. */
public record MappingResult(List<CanonicalEvent> events, List<UnmappedRecord> unmapped) {

    public static MappingResult of(List<CanonicalEvent> events) {
        return new MappingResult(events, List.of());
    }

    public static MappingResult unmapped(UnmappedRecord record) {
        return new MappingResult(List.of(), List.of(record));
    }
}
