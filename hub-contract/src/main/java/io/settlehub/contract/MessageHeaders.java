package io.settlehub.contract;

/** Message properties every producer sets (DESIGN.md, "Addresses on the broker"). */
public final class MessageHeaders {

    public static final String EVENT_TYPE = "eventType";
    public static final String SOURCE = "source";
    /** Artemis message grouping: all messages of one client go to one consumer, in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    /** Artemis duplicate detection: a resend of the same id within the id cache is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** Why a message was moved to a dead-letter queue. */
    public static final String FAILURE_REASON = "failureReason";
    public static final String CORRELATION_ID = "correlationId";

    private MessageHeaders() {
    }
}
