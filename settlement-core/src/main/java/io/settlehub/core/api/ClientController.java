package io.settlehub.core.api;

import io.settlehub.contract.InvalidMessageException;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.payout.store.SupplierPaymentRepository;
import io.settlehub.core.settlement.Agreement;
import io.settlehub.core.settlement.AgreementJson;
import io.settlehub.core.settlement.service.SettlementService;
import io.settlehub.core.settlement.store.ClientRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Agreements, balances, order breakdowns and payments of one client. */
@RestController
@RequestMapping(path = "/api/clients/{clientId}", produces = MediaType.APPLICATION_JSON_VALUE)
class ClientController {

    private final ClientRepository clients;
    private final LedgerRepository ledger;
    private final PaymentRepository payments;
    private final SettlementService settlement;
    private final SupplierPaymentRepository supplierPayments;
    private final io.settlehub.core.accounting.Recalculation recalculation;
    private final io.settlehub.core.notify.BucketBalances bucketBalances;
    private final io.settlehub.core.security.AuditLog audit;
    private final io.settlehub.core.banks.BankDirectoryRepository bankDirectory;

    ClientController(ClientRepository clients, LedgerRepository ledger, PaymentRepository payments, SettlementService settlement,
                     SupplierPaymentRepository supplierPayments, io.settlehub.core.accounting.Recalculation recalculation,
                     io.settlehub.core.notify.BucketBalances bucketBalances, io.settlehub.core.security.AuditLog audit,
                     io.settlehub.core.banks.BankDirectoryRepository bankDirectory) {
        this.bankDirectory = bankDirectory;
        this.bucketBalances = bucketBalances;
        this.audit = audit;
        this.supplierPayments = supplierPayments;
        this.recalculation = recalculation;
        this.clients = clients;
        this.ledger = ledger;
        this.payments = payments;
        this.settlement = settlement;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> putAgreement(@PathVariable String clientId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RequestBodies.Agreement.class))) @RequestBody String body) {
        Ids.require("clientId", clientId);
        Agreement agreement = AgreementJson.readInput(clientId, body);
        if (agreement.bankAccount().russian()) {
            bankDirectory.requireOpen(agreement.bankAccount().bankId(), "bankAccount.bankId");
        }
        java.time.LocalDate effectiveFrom = AgreementJson.effectiveFrom(body);
        String json = AgreementJson.write(agreement, effectiveFrom);
        clients.saveAgreement(clientId, json, effectiveFrom);
        audit.record("AGREEMENT_SAVED", clientId, json);
        settlement.resettle(clientId, "agreement/" + clientId + (effectiveFrom == null ? "" : "/" + effectiveFrom));
        return ResponseEntity.ok(json);
    }

    @GetMapping
    ResponseEntity<String> getAgreement(@PathVariable String clientId) {
        return clients.agreementJson(clientId).map(ResponseEntity::ok).orElseThrow(() -> new NotFound("client " + clientId));
    }

    /** One entry per currency with the five buckets, as docs/design.md shows. */
    @GetMapping("/balances")
    List<Map<String, String>> balances(@PathVariable String clientId) {
        requireKnown(clientId);
        return bucketBalances.of(clientId);
    }

    @GetMapping("/orders/{orderId}")
    OrderBreakdown order(@PathVariable String clientId, @PathVariable String orderId) {
        requireKnown(clientId);
        return settlement.orderOf(clientId, orderId)
                .map(o -> OrderBreakdown.of(o, supplierPayments.partsOf(clientId, o.source(), o.orderId())))
                .orElseThrow(() -> new NotFound("order " + orderId + " of client " + clientId));
    }

    /**
     * Every movement of the client's buckets between two business dates (Moscow, both included), with the figure it
     * adjusts and the event or instruction that caused it.
     */
    @GetMapping("/statement")
    String statement(@PathVariable String clientId, @RequestParam String from, @RequestParam String to) {
        requireKnown(clientId);
        java.time.LocalDate first = date("from", from);
        java.time.LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidMessageException("to", "must not be before from (" + from + ")");
        }
        java.time.ZoneId zone = io.settlehub.contract.BusinessCalendar.ZONE;
        return io.settlehub.contract.EventCodec.write(ledger.movements(clientId, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static java.time.LocalDate date(String field, String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidMessageException(field, "is not an ISO date (YYYY-MM-DD): '" + text + "'");
        }
    }

    /** Re-settles the client now and lists the orders sold from {@code from} on whose client net changed. */
    @PostMapping("/recalculate")
    String recalculate(@PathVariable String clientId, @RequestParam String from) {
        requireKnown(clientId);
        java.time.LocalDate first = date("from", from);
        java.util.Map<String, Object> report = new LinkedHashMap<>();
        report.put("clientId", clientId);
        report.put("from", first.toString());
        var result = recalculation.run(clientId, first);
        audit.record("RECALCULATED", clientId, "from " + first + ": " + result.orders().size() + " order(s) moved, "
                + result.documents().size() + " document(s) issued");
        report.put("orders", result.orders());
        report.put("documents", result.documents());
        report.put("balances", balances(clientId));
        return io.settlehub.contract.EventCodec.write(report);
    }

    /** Money in the contract's form (decimal strings), as everywhere else. */
    @GetMapping("/payments")
    String payments(@PathVariable String clientId) {
        requireKnown(clientId);
        return io.settlehub.contract.EventCodec.write(payments.ofClient(clientId));
    }

    private void requireKnown(String clientId) {
        if (clients.agreementJson(clientId).isEmpty()) {
            throw new NotFound("client " + clientId);
        }
    }

    static final class Ids {
        private Ids() {
        }

        static void require(String field, String id) {
            if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new InvalidMessageException(field, "must be 1 to 100 letters, digits, '.', '_' or '-'");
            }
        }
    }
}
