package io.settlehub.core.accounting;

import io.settlehub.contract.AccountingDocument;
import io.settlehub.contract.AccountingDocument.AgentReport;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.Digests;
import io.settlehub.contract.EventType;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.core.accounting.AccountingDocumentRepository;
import io.settlehub.core.outbox.OutboxRepository;
import io.settlehub.core.outbox.OutboxRepository.OutboxMessage;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.payout.store.PaymentRepository.PaymentView;
import io.settlehub.core.payout.store.SupplierPaymentRepository;
import io.settlehub.core.settlement.ClientSettlement;
import io.settlehub.core.settlement.service.SettlementService;
import io.settlehub.core.settlement.store.ClientRepository;
import io.settlehub.core.settlement.store.FactRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes accounting periods: per client, the agent's report of the period in each currency and a document for each
 * payment instruction created in it. A document whose content is what was last issued is not issued again; a changed one
 * is issued under its id with the next version. Issued documents enter the outbox for {@code hub.accounting.exports} in
 * the same transaction.
 */
@Service
public class AccountingClose {

    private final ClientRepository clients;
    private final SettlementService settlement;
    private final FactRepository facts;
    private final PaymentRepository payments;
    private final SupplierPaymentRepository supplierPayments;
    private final AccountingDocumentRepository documents;
    private final OutboxRepository outbox;
    private final Clock clock;

    public AccountingClose(ClientRepository clients, SettlementService settlement, FactRepository facts, PaymentRepository payments,
                           SupplierPaymentRepository supplierPayments, AccountingDocumentRepository documents, OutboxRepository outbox,
                           Clock clock) {
        this.clients = clients;
        this.settlement = settlement;
        this.facts = facts;
        this.payments = payments;
        this.supplierPayments = supplierPayments;
        this.documents = documents;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A document version issued by a close. */
    public record IssuedDocument(String documentId, int version, String type, String clientId) {
    }

    /**
     * Closes a period for every client with an agreement. A period still running may be closed on demand: its agent's
     * reports are then provisional, and the close after its end issues the final versions.
     */
    @Transactional
    public List<IssuedDocument> close(YearMonth period) {
        requireBegun(period);
        List<IssuedDocument> issued = new ArrayList<>();
        for (String clientId : clients.clientsWithAgreement()) {
            issued.addAll(closeClient(clientId, period));
        }
        return issued;
    }

    /** The month before today (Europe/Moscow): what a scheduled close closes. */
    public YearMonth previousPeriod() {
        return YearMonth.from(today()).minusMonths(1);
    }

    /** After a recalculation from {@code from}: the client's closed periods it reaches, closed again. */
    @Transactional
    public List<IssuedDocument> reissue(String clientId, LocalDate from) {
        List<IssuedDocument> issued = new ArrayList<>();
        for (YearMonth period : documents.closedSince(clientId, YearMonth.from(from))) {
            issued.addAll(closeClient(clientId, period));
        }
        return issued;
    }

    /** The client's agent's reports of a period as they stand now, by currency (what a close would issue). */
    @Transactional(readOnly = true)
    public Map<String, AgentReport> agentReports(String clientId, YearMonth period) {
        return agentReports(clientId, period, List.of());
    }

    private Map<String, AgentReport> agentReports(String clientId, YearMonth period, List<String> alsoCurrencies) {
        Optional<ClientSettlement> settled = settlement.periodOf(clientId, period);
        if (settled.isEmpty()) {
            return Map.of();
        }
        List<AgentReports.Payout> payouts = payments.ofClient(clientId).stream()
                .filter(p -> supplierPayments.find(p.instructionId()).isEmpty())
                .map(p -> new AgentReports.Payout(p.instructionId(), p.createdAt(), p.amount(), p.status())).toList();
        // the period's charges only: a charge of another period has no date here, so no report of this period takes it
        Map<String, Instant> chargeDates = facts.occurredAt(clientId, EventType.MARKETPLACE_CHARGE.name(), BusinessCalendar.startOf(period),
                BusinessCalendar.startOf(period.plusMonths(1)));
        TreeSet<String> currencies = new TreeSet<>(AgentReports.currencies(settled.get(), chargeDates, payouts, period));
        currencies.addAll(alsoCurrencies);
        Map<String, AgentReport> reports = new TreeMap<>();
        for (String currency : currencies) {
            reports.put(currency, AgentReports.of(settled.get(), chargeDates, payouts, period, currency));
        }
        return reports;
    }

    private List<IssuedDocument> closeClient(String clientId, YearMonth period) {
        clients.lock(List.of(clientId));
        if (clients.agreementTerms(clientId).isEmpty()) {
            return List.of();
        }
        // a report issued before in a currency that has nothing left in the period is issued again, empty
        List<String> issuedBefore = documents.documentIds(clientId, period, AccountingDocument.Type.AGENT_REPORT.name()).stream()
                .map(id -> id.substring(id.lastIndexOf(':') + 1)).toList();
        List<IssuedDocument> issued = new ArrayList<>();
        agentReports(clientId, period, issuedBefore).forEach((currency, report) ->
                issueIfChanged(AgentReports.document(clientId, period, currency, report, today())).ifPresent(issued::add));
        for (PaymentView view : payments.ofClient(clientId)) {
            if (YearMonth.from(BusinessCalendar.dateOf(view.createdAt())).equals(period)) {
                issueIfChanged(paymentDocument(clientId, period, view)).ifPresent(issued::add);
            }
        }
        documents.recordClose(clientId, period, clock.instant());
        return issued;
    }

    private AccountingDocument paymentDocument(String clientId, YearMonth period, PaymentView view) {
        var instruction = payments.find(view.instructionId()).orElseThrow().instruction();
        String supplierId = supplierPayments.find(view.instructionId()).map(SupplierPaymentRepository.SupplierPayment::supplierId)
                .orElse(null);
        var type = supplierId == null ? AccountingDocument.Type.PAYOUT : AccountingDocument.Type.SUPPLIER_PAYMENT;
        var payment = new AccountingDocument.Payment(instruction.instructionId(), supplierId, instruction.payee(), instruction.amount(),
                instruction.purpose(), instruction.requestedExecutionDate(), view.status());
        return new AccountingDocument("payment:" + instruction.instructionId(), 0, type, clientId, period.toString(),
                BusinessCalendar.dateOf(view.createdAt()), instruction.amount().currency(), null, null, null, payment);
    }

    private Optional<IssuedDocument> issueIfChanged(AccountingDocument content) {
        String hash = Digests.sha256Hex(content.toJson());
        var latest = documents.latest(content.documentId());
        if (latest.isPresent() && latest.get().contentHash().equals(hash)) {
            return Optional.empty();
        }
        int version = latest.map(l -> l.version() + 1).orElse(1);
        AccountingDocument document = content.issued(version, clock.instant());
        String body = document.toJson();
        documents.insert(document.documentId(), version, document.clientId(), document.period(), document.type().name(), hash, body,
                document.issuedAt());
        outbox.add(OutboxMessage.of(Addresses.ACCOUNTING_EXPORTS, document.documentId() + ":v" + version, document.clientId(),
                document.type().name(), body));
        return Optional.of(new IssuedDocument(document.documentId(), version, document.type().name(), document.clientId()));
    }

    private void requireBegun(YearMonth period) {
        LocalDate today = today();
        if (period.atDay(1).isAfter(today)) {
            throw new InvalidMessageException("period", period + " has not begun (today is " + today + " in Europe/Moscow)");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
    }
}
