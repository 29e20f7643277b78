package io.settlehub.connector.support;

/**
 * A partner record, or one money field of it, that no mapping covers: kept whole, with the reason, for an operator.
 * {@code field} and {@code amount} name the money field left unmapped (the partner's own name and the amount as the
 * partner wrote it) when the rest of the record was mapped; both are null when the whole record is unmapped.
 */
public record UnmappedRecord(String source, String clientId, String recordId, String reason, String json, String field,
                             String amount) {

    /** The whole record unmapped. */
    public UnmappedRecord(String source, String clientId, String recordId, String reason, String json) {
        this(source, clientId, recordId, reason, json, null, null);
    }

    /** One money field of a record unmapped, the rest of the record mapped. */
    public static UnmappedRecord field(String source, String clientId, String recordId, String field, java.math.BigDecimal amount,
                                       String reason, String json) {
        return new UnmappedRecord(source, clientId, recordId + ":" + field, reason, json, field, amount.toPlainString());
    }
}
