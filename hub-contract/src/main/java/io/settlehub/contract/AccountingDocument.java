package io.settlehub.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A document for the client's accounting ({@code hub.accounting.exports}): the agent's report for a client, period and
 * currency, or one payout or supplier payment. {@code documentId} is stable; a document whose content changes (a late
 * fact, a recalculation) is issued again under the same id with the next {@code version}, never edited in place.
 * Exactly one of {@code agentReport} and {@code payment} is present, as {@code type} says. {@code provisional} is true on
 * an agent's report issued before its period ended (closed on demand): the close after the period's end issues the
 * final version.
 */
public record AccountingDocument(
        String documentId,
        int version,
        Type type,
        String clientId,
        String period,
        LocalDate documentDate,
        String currency,
        Instant issuedAt,
        Boolean provisional,
        AgentReport agentReport,
        Payment payment) {

    public enum Type { AGENT_REPORT, PAYOUT, SUPPLIER_PAYMENT }

    /** The same document under another version and issue time. */
    public AccountingDocument issued(int newVersion, Instant at) {
        return new AccountingDocument(documentId, newVersion, type, clientId, period, documentDate, currency, at, provisional,
                agentReport, payment);
    }

    public String toJson() {
        return EventCodec.write(this);
    }

    /**
     * The commission agent's report: what was sold on the client's behalf in the period (orders by their sale date),
     * what came back, what the marketplaces and the hub kept, what the goods cost, and what was paid out to the client.
     */
    public record AgentReport(Totals totals, List<Line> lines, List<Charge> charges, List<PaidOut> payouts) {
    }

    /**
     * Sums of the lines, charges and payouts: {@code clientNet} is the lines' client net less {@code otherCharges};
     * each line's client net is its sales − returns − marketplace fees − service commission − its VAT − the landed cost
     * of the units kept.
     */
    public record Totals(Money sales, Money returns, Money marketplaceFees, Money serviceCommission, Money commissionVat,
                         Money goodsCost, Money customsCost, Money logisticsCost, Money otherCharges, Money clientNet,
                         Money paidOut) {
    }

    /** One sold order line with its figures as the order's breakdown shows them. */
    public record Line(String source, String orderId, LocalDate soldOn, String sku, int quantity, int returned, Money sales,
                       Money returns, Money marketplaceFees, Money serviceCommission, Money commissionVat, Money goodsCost,
                       Money customsCost, Money logisticsCost, Money clientNet) {
    }

    /** A marketplace charge not tied to an order, on the date it occurred (positive = charged to the client, negative = paid to the client). */
    public record Charge(String eventId, String source, String kind, LocalDate date, Money amount) {
    }

    /** A payout to the client created in the period, with its status when the document was issued. */
    public record PaidOut(String instructionId, LocalDate date, Money amount, String status) {
    }

    /** A payment instruction as accounting needs it: who was paid, how much, for what, and where it stands. */
    public record Payment(String instructionId, String supplierId, PaymentInstruction.Payee payee, Money amount, String purpose,
                          LocalDate requestedExecutionDate, String status) {
    }
}
