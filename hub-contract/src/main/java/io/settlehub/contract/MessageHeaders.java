package io.settlehub.contract;

/** Message properties of the contract (docs/contract.md): those every producer sets, and those the hub adds. */
public final class MessageHeaders {

    public static final String EVENT_TYPE = "eventType";
    public static final String SOURCE = "source";
    /** Artemis message grouping: all messages of one client go to one consumer, in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    /** Artemis duplicate detection: a resend of the same id within the id cache is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /**
     * The broker user that sent the message, stamped by the broker itself over anything the sender wrote
     * ({@code populate-validated-user}); the JMS name of Artemis' {@code _AMQ_VALIDATED_USER}.
     */
    public static final String VALIDATED_USER = "JMSXUserID";
    /**
     * On a message settlement-core sends again (a dead letter, its replay): the broker user that sent the original.
     * Believed only on messages whose own sender is settlement-core.
     */
    public static final String ORIGINAL_SENDER = "hubOriginalSender";
    /** settlement-core's Ed25519 signature of the body (Base64), on every message it publishes ({@link MessageSignatures}). */
    public static final String SIGNATURE = "hubSignature";
    /** On a re-routed payment instruction: the banks (comma-separated) that already refused it. */
    public static final String EXCLUDE_BANKS = "excludeBanks";
    /** Inside connector-bank's routes: the bank profile an instruction or batch goes to. */
    public static final String BANK = "bank";
    /** Inside connector-bank's routes: the instruction being written and uploaded. */
    public static final String INSTRUCTION_ID = "instructionId";
    /** Inside connector-bank's routes: the client the instruction pays or pays for. */
    public static final String CLIENT_ID = "clientId";
    /** Why a message was moved to a dead-letter queue. */
    public static final String FAILURE_REASON = "failureReason";
    /** On {@code hub.connectors.unmapped}: the money field of the partner's record left unmapped (absent: the whole record). */
    public static final String UNMAPPED_FIELD = "hubUnmappedField";
    /** On {@code hub.connectors.unmapped}: that field's amount, as the partner wrote it. */
    public static final String UNMAPPED_AMOUNT = "hubUnmappedAmount";
    /** On a dead letter: the message was refused for who sent it, not for what it says (an alert is raised). */
    public static final String REFUSED = "hubRefused";
    /** On a webhook's dead letter: the webhook whose receiver did not take it. */
    public static final String WEBHOOK = "webhook";
    public static final String CORRELATION_ID = "correlationId";

    private MessageHeaders() {
    }
}
