package io.settlehub.marketplace.mapping;

/** A partner record no mapping covers: kept whole, with the reason, for an operator. */
public record UnmappedRecord(String source, String clientId, String recordId, String reason, String json) {
}
