package io.settlehub.connector.support;

/** A partner record no mapping covers: kept whole, with the reason, for an operator. */
public record UnmappedRecord(String source, String clientId, String recordId, String reason, String json) {
}
