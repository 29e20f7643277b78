package io.settlehub.core.ingest;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.settlement.Parked;
import io.settlehub.core.settlement.SettlementPostings;
import io.settlehub.core.store.ClientRepository;
import io.settlehub.core.store.LedgerRepository;
import io.settlehub.core.store.ParkedRepository;
import io.settlehub.core.store.PaymentRepository;
import io.settlehub.core.store.ReferenceDataRepository;
import io.settlehub.core.store.SupplierPaymentRepository;
import io.settlehub.core.settlement.Agreement;
import io.settlehub.core.settlement.AgreementJson;
import io.settlehub.contract.Money;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Moves a payout along its buckets as the bank reports it: {@code BOOKED} inFlight → paid, {@code REJECTED}
 * inFlight → available with the reason kept. A status for an instruction already final is only recorded.
 */
@Component
public class PaymentStatusHandler {

    public static final String IN_FLIGHT = "IN_FLIGHT";
    private static final Set<String> OPEN = Set.of(IN_FLIGHT, "ACCEPTED");

    private final PaymentRepository payments;
    private final LedgerRepository ledger;
    private final ClientRepository clients;
    private final ParkedRepository parked;
    private final SupplierPaymentRepository supplierPayments;
    private final ReferenceDataRepository referenceData;

    public PaymentStatusHandler(PaymentRepository payments, LedgerRepository ledger, ClientRepository clients, ParkedRepository parked,
                                SupplierPaymentRepository supplierPayments, ReferenceDataRepository referenceData) {
        this.supplierPayments = supplierPayments;
        this.referenceData = referenceData;
        this.payments = payments;
        this.ledger = ledger;
        this.clients = clients;
        this.parked = parked;
    }

    void apply(CanonicalEvent event) {
        PaymentStatus status = (PaymentStatus) event.payload();
        var stored = payments.find(status.instructionId());
        if (stored.isEmpty()) {
            parked.addConflict(new Parked(event.eventId(), event.clientId(), event.type(),
                    "no payment instruction " + status.instructionId()), null);
            return;
        }
        var instruction = stored.get().instruction();
        clients.lock(List.of(instruction.clientId()));
        if (!OPEN.contains(stored.get().status())) {
            payments.addHistory(instruction.instructionId(), status.status(),
                    "ignored: instruction is already " + stored.get().status(), event.eventId());
            return;
        }
        var supplierPayment = supplierPayments.find(instruction.instructionId());
        if (supplierPayment.isPresent()) {
            settleSupplierPayment(event, status, supplierPayment.get());
            payments.updateStatus(instruction.instructionId(), status.status(), status.reason(), event.eventId());
            return;
        }
        String ccy = instruction.amount().currency();
        AccountKey inFlight = AccountKey.client(instruction.clientId(), SettlementPostings.IN_FLIGHT, ccy);
        switch (status.status()) {
            case "BOOKED" -> ledger.post(List.of(new Transfer(inFlight,
                    AccountKey.client(instruction.clientId(), SettlementPostings.PAID, ccy), instruction.amount(),
                    instruction.clientId(), "payment/" + instruction.instructionId(), event.eventId())));
            case "REJECTED" -> ledger.post(List.of(new Transfer(inFlight,
                    AccountKey.client(instruction.clientId(), SettlementPostings.AVAILABLE, ccy), instruction.amount(),
                    instruction.clientId(), "payment/" + instruction.instructionId(), event.eventId())));
            default -> {
            }
        }
        payments.updateStatus(instruction.instructionId(), status.status(), status.reason(), event.eventId());
    }

    /**
     * A supplier payment leaves the supplier's payable when the bank books it; the FX difference — the RUB actually
     * debited (else the booking date's rate × amount) less the RUB charged to the client for those goods — goes to
     * whoever the agreement names. A rejection makes the goods payable again.
     */
    private void settleSupplierPayment(CanonicalEvent event, PaymentStatus status, SupplierPaymentRepository.SupplierPayment paid) {
        String rub = paid.charged().currency();
        AccountKey inFlight = new AccountKey("supplier/" + paid.supplierId(), SettlementPostings.IN_FLIGHT, rub);
        String component = "payment/" + paid.instructionId();
        String client = paid.clientId();
        if ("REJECTED".equals(status.status())) {
            post(new Transfer(inFlight, AccountKey.supplier(paid.supplierId(), rub), paid.charged(), client, component, event.eventId()));
            return;
        }
        if (!"BOOKED".equals(status.status())) {
            return;
        }
        AccountKey bank = AccountKey.hub("bank", rub);
        post(new Transfer(inFlight, bank, paid.charged(), client, component, event.eventId()));
        Agreement agreement = AgreementJson.read(client, clients.agreementJson(client).orElseThrow());
        Money debited = debitedInRub(status, paid, agreement, event);
        if (debited == null) {
            return;
        }
        Money difference = debited.minus(paid.charged());
        supplierPayments.recordFxDifference(paid.instructionId(), difference.amount());
        AccountKey bearer = agreement.fxDifferenceBornBy() == Agreement.FxDifferenceBearer.CLIENT
                ? AccountKey.client(client, SettlementPostings.AVAILABLE, rub) : AccountKey.hub("fx-differences", rub);
        if (difference.signum() > 0) {
            post(new Transfer(bearer, bank, difference, client, component + "/fx-difference", event.eventId()));
        } else if (difference.signum() < 0) {
            post(new Transfer(bank, bearer, difference.negate(), client, component + "/fx-difference", event.eventId()));
        }
    }

    private Money debitedInRub(PaymentStatus status, SupplierPaymentRepository.SupplierPayment paid, Agreement agreement,
                               CanonicalEvent event) {
        String rub = paid.charged().currency();
        if (status.debitedAmount() != null && status.debitedAmount().currency().equals(rub)) {
            return status.debitedAmount();
        }
        java.time.LocalDate day = io.settlehub.contract.BusinessCalendar.dateOf(status.bookedAt() != null ? status.bookedAt()
                : event.occurredAt());
        var rate = referenceData.load().fxRate(agreement.fxRateSource(), paid.amount().currency(), rub, day);
        if (rate.isEmpty()) {
            parked.addConflict(new Parked(event.eventId(), paid.clientId(), event.type(), "no " + paid.amount().currency() + "/"
                    + rub + " rate on or before " + day + " to compute the FX difference of " + paid.instructionId()
                    + "; booked without it"), null);
            return null;
        }
        return Money.rounded(paid.amount().amount().multiply(rate.get()), rub);
    }

    private void post(Transfer transfer) {
        ledger.post(List.of(transfer));
    }
}
