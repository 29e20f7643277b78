package io.settlehub.core.payout.service;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.core.alerts.Alert;
import io.settlehub.core.alerts.AlertPublisher;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.payout.store.SupplierPaymentRepository;
import io.settlehub.core.settlement.Parked;
import io.settlehub.core.settlement.store.ClientRepository;
import io.settlehub.core.settlement.store.ParkedRepository;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Moves a payout along its buckets as the bank reports it: {@code BOOKED} inFlight → paid, {@code REJECTED}
 * inFlight → available with the reason kept. A status that contradicts the record is never a silent second payment: a
 * booking after a rejection is booked from what the rejection made available again (so it cannot be paid out twice), a
 * rejection after a booking moves nothing; both raise an alert and show as a discrepancy. A status for an instruction
 * the hub never issued is parked and raises an alert. Any other status for an instruction already final is only recorded.
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
    private final AlertPublisher alerts;

    PaymentStatusHandler(PaymentRepository payments, LedgerRepository ledger, ClientRepository clients, ParkedRepository parked,
                         SupplierPaymentRepository supplierPayments, SupplierPaymentBooking supplierBooking, AlertPublisher alerts) {
        this.alerts = alerts;
        this.supplierPayments = supplierPayments;
        this.supplierBooking = supplierBooking;
        this.payments = payments;
        this.ledger = ledger;
        this.clients = clients;
        this.parked = parked;
    }

    /** After new rates dated from {@code earliestRateDate}: supplier payments priced by a rate are priced again. */
    public void ratesChanged(java.time.LocalDate earliestRateDate, String causeEventId) {
        supplierBooking.ratesChanged(earliestRateDate, causeEventId);
    }

    public void apply(CanonicalEvent event) {
        PaymentStatus status = (PaymentStatus) event.payload();
        var stored = payments.find(status.instructionId());
        if (stored.isEmpty()) {
            String text = "status " + status.status() + " for " + status.instructionId() + ", an instruction the hub never issued";
            parked.addConflict(new Parked(event.eventId(), event.clientId(), event.type(), text), null);
            alerts.raise(Alert.paymentStatusContradiction(null, status.instructionId(), text + " (event " + event.eventId() + ")"));
            return;
        }
        var instruction = stored.get().instruction();
        clients.lock(List.of(instruction.clientId()));
        String current = stored.get().status();
        if (OPEN.contains(current)) {
            move(event, status, instruction, false);
        } else if ("REJECTED".equals(current) && "BOOKED".equals(status.status())) {
            // the bank debited what the hub had put back on the rejection: booked from where the rejection put it, so that
            // it cannot be paid a second time, and flagged
            move(event, status, instruction, true);
            alerts.raise(Alert.paymentStatusContradiction(instruction.clientId(), instruction.instructionId(), "the bank booked "
                    + instruction.amount() + " of " + instruction.instructionId() + " after rejecting it: booked as paid, the amount"
                    + " leaves what is available (check with the bank whether it was paid twice)"));
        } else if ("BOOKED".equals(current) && "REJECTED".equals(status.status())) {
            payments.addHistory(instruction.instructionId(), status.status(), "not applied: the bank booked this instruction before"
                    + (status.reason() == null ? "" : " (" + status.reason() + ")"), event.eventId());
            alerts.raise(Alert.paymentStatusContradiction(instruction.clientId(), instruction.instructionId(), "the bank rejects "
                    + instruction.instructionId() + " of " + instruction.amount() + " after booking it: nothing moved (check with"
                    + " the bank whether the money left)"));
        } else {
            payments.addHistory(instruction.instructionId(), status.status(), "ignored: instruction is already " + current,
                    event.eventId());
        }
    }

    /** BOOKED: in flight (or, after a rejection, what it put back) → paid; REJECTED: in flight → available again. */
    private void move(CanonicalEvent event, PaymentStatus status, PaymentInstruction instruction, boolean afterRejection) {
        var supplierPayment = supplierPayments.find(instruction.instructionId());
        String reason = afterRejection ? "booked after a rejection" + (status.reason() == null ? "" : ": " + status.reason()) : status.reason();
        if (supplierPayment.isPresent()) {
            supplierBooking.apply(event, status, supplierPayment.get(), afterRejection);
            payments.updateStatus(instruction.instructionId(), status.status(), reason, event.eventId());
            return;
        }
        String ccy = instruction.amount().currency();
        AccountKey inFlight = AccountKey.client(instruction.clientId(), afterRejection ? Bucket.AVAILABLE : Bucket.IN_FLIGHT, ccy);
        switch (status.status()) {
            case "BOOKED" -> post(new Transfer(inFlight, AccountKey.client(instruction.clientId(), Bucket.PAID, ccy),
                    instruction.amount(), instruction.clientId(), "payment/" + instruction.instructionId(), event.eventId()));
            case "REJECTED" -> post(new Transfer(inFlight, AccountKey.client(instruction.clientId(), Bucket.AVAILABLE, ccy),
                    instruction.amount(), instruction.clientId(), "payment/" + instruction.instructionId(), event.eventId()));
            default -> {
            }
        }
        payments.updateStatus(instruction.instructionId(), status.status(), reason, event.eventId());
    }

    private void post(Transfer transfer) {
        ledger.post(List.of(transfer));
    }
}
