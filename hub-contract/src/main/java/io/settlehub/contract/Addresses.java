package io.settlehub.contract;

/** Broker addresses of the contract; the only place their names are spelled. */
public final class Addresses {

    public static final String EVENTS = "hub.events";
    public static final String EVENTS_DLQ = "DLQ.hub.events";
    public static final String PAYMENT_INSTRUCTIONS = "hub.payments.instructions";
    public static final String PAYMENT_INSTRUCTIONS_DLQ = "DLQ.hub.payments.instructions";
    public static final String ACCOUNTING_EXPORTS = "hub.accounting.exports";
    public static final String ACCOUNTING_EXPORTS_DLQ = "DLQ.hub.accounting.exports";
    public static final String NOTIFICATIONS = "hub.notifications";
    /** Partner records a connector could not map to a canonical event: kept for an operator, never dropped. */
    public static final String UNMAPPED = "hub.connectors.unmapped";
    /** Differences a connector finds between a partner's own report and the events it published (anycast). */
    public static final String DISCREPANCIES = "hub.reconciliation.discrepancies";

    private Addresses() {
    }
}
