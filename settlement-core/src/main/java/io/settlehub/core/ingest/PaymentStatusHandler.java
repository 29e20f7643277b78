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
import io.settlehub.core.store.SupplierPaymentRepository;
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
    private final SupplierPaymentBooking supplierBooking;

    PaymentStatusHandler(PaymentRepository payments, LedgerRepository ledger, ClientRepository clients, ParkedRepository parked,
                         SupplierPaymentRepository supplierPayments, SupplierPaymentBooking supplierBooking) {
        this.supplierPayments = supplierPayments;
        this.supplierBooking = supplierBooking;
        this.payments = payments;
        this.ledger = ledger;
        this.clients = clients;
        this.parked = parked;
    }

    /** After new rates dated from {@code earliestRateDate}: supplier payments priced by a rate are priced again. */
    void ratesChanged(java.time.LocalDate earliestRateDate, String causeEventId) {
        supplierBooking.ratesChanged(earliestRateDate, causeEventId);
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
            supplierBooking.apply(event, status, supplierPayment.get());
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

    private void post(Transfer transfer) {
        ledger.post(List.of(transfer));
    }
}
