package io.settlehub.core.payout.service;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.HubAccount;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.payout.FxDifference;
import io.settlehub.core.payout.store.SupplierPaymentRepository;
import io.settlehub.core.payout.store.SupplierPaymentRepository.SupplierPayment;
import io.settlehub.core.settlement.Agreement;
import io.settlehub.core.settlement.AgreementJson;
import io.settlehub.core.settlement.Parked;
import io.settlehub.core.settlement.ReferenceData;
import io.settlehub.core.settlement.store.ClientRepository;
import io.settlehub.core.settlement.store.ParkedRepository;
import io.settlehub.core.settlement.store.ReferenceDataRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A supplier payment leaves the supplier's payable when the bank books it; the FX difference — the RUB actually
 * debited, else the booking date's rate × amount, less the RUB charged to the client for those goods — goes to whoever
 * the agreement names, and is shared among the orders the payment paid for in proportion to what each was charged.
 * Without a rate the difference waits, and is settled when the rate arrives; a rate published late for the booking date
 * re-prices it by a correcting transfer. A rejection makes the goods payable again.
 */
@Component
class SupplierPaymentBooking {

    private final SupplierPaymentRepository supplierPayments;
    private final LedgerRepository ledger;
    private final ClientRepository clients;
    private final ParkedRepository parked;
    private final ReferenceDataRepository referenceData;

    SupplierPaymentBooking(SupplierPaymentRepository supplierPayments, LedgerRepository ledger, ClientRepository clients,
                           ParkedRepository parked, ReferenceDataRepository referenceData) {
        this.supplierPayments = supplierPayments;
        this.ledger = ledger;
        this.clients = clients;
        this.parked = parked;
        this.referenceData = referenceData;
    }

    /** {@code afterRejection}: a booking of a payment rejected before, taken from the payable the rejection restored. */
    void apply(CanonicalEvent event, PaymentStatus status, SupplierPayment paid, boolean afterRejection) {
        String rub = paid.charged().currency();
        AccountKey inFlight = afterRejection ? AccountKey.supplier(paid.supplierId(), rub)
                : AccountKey.supplierInFlight(paid.supplierId(), rub);
        String component = "payment/" + paid.instructionId();
        if ("REJECTED".equals(status.status())) {
            post(new Transfer(inFlight, AccountKey.supplier(paid.supplierId(), rub), paid.charged(), paid.clientId(), component,
                    event.eventId()));
            return;
        }
        if (!"BOOKED".equals(status.status())) {
            return;
        }
        post(new Transfer(inFlight, AccountKey.hub(HubAccount.BANK, rub), paid.charged(), paid.clientId(), component, event.eventId()));
        LocalDate bookedOn = BusinessCalendar.dateOf(status.bookedAt() != null ? status.bookedAt() : event.occurredAt());
        Money debited = status.debitedAmount() != null && status.debitedAmount().currency().equals(rub) ? status.debitedAmount() : null;
        supplierPayments.recordBooked(paid.instructionId(), bookedOn, debited);
        if (debited == null) {
            Optional<Money> priced = pricedByRate(paid, bookedOn, referenceData.load());
            if (priced.isEmpty()) {
                parked.addConflict(new Parked(event.eventId(), paid.clientId(), EventType.PAYMENT_STATUS, "FX difference of "
                        + paid.instructionId() + " waits for the " + paid.amount().currency() + "/" + rub + " rate on or before "
                        + bookedOn + "; it is settled when the rate arrives"), null);
                return;
            }
            debited = priced.get();
        }
        settleDifference(paid, debited, BigDecimal.ZERO, event.eventId());
    }

    /**
     * After new rates dated from {@code earliestRateDate}: the payments priced by the rate of their booking date are
     * priced again; a difference that moved is corrected by a new transfer (one that waited is settled).
     */
    void ratesChanged(LocalDate earliestRateDate, String causeEventId) {
        var rates = referenceData.load();
        for (SupplierPaymentRepository.PricedByRate booked : supplierPayments.pricedByRateBookedSince(earliestRateDate)) {
            SupplierPayment paid = booked.payment();
            Optional<Money> priced = pricedByRate(paid, booked.bookedOn(), rates);
            BigDecimal recorded = booked.fxDifference() == null ? BigDecimal.ZERO : booked.fxDifference();
            if (priced.isEmpty() || booked.fxDifference() != null
                    && priced.get().minus(paid.charged()).amount().compareTo(recorded) == 0) {
                continue;
            }
            clients.lock(List.of(paid.clientId()));
            settleDifference(paid, priced.get(), recorded, causeEventId);
            parked.resolveConflictsMentioning(paid.instructionId());
        }
    }

    private Optional<Money> pricedByRate(SupplierPayment paid, LocalDate bookedOn, ReferenceData rates) {
        String rub = paid.charged().currency();
        return rates.fxRate(agreementOf(paid.clientId()).fxRateSource(), paid.amount().currency(), rub, bookedOn)
                .map(rate -> Money.rounded(paid.amount().amount().multiply(rate), rub));
    }

    /** Posts the FX difference less what was posted for it before, and records it with each order's share. */
    private void settleDifference(SupplierPayment paid, Money debited, BigDecimal alreadyPosted, String eventId) {
        Agreement agreement = agreementOf(paid.clientId());
        FxDifference fx = FxDifference.of(debited, paid.charged(), alreadyPosted, supplierPayments.chargedByOrder(paid.instructionId()));
        fx.transfer(FxDifference.bearer(agreement.fxDifferenceBornBy(), paid.clientId(), paid.charged().currency()), paid.clientId(),
                "payment/" + paid.instructionId() + "/fx-difference", eventId).ifPresent(this::post);
        supplierPayments.recordFxDifference(paid.instructionId(), fx.difference().amount(), agreement.fxDifferenceBornBy().name(),
                fx.byOrder());
    }

    private Agreement agreementOf(String clientId) {
        return AgreementJson.read(clientId, clients.agreementJson(clientId).orElseThrow());
    }

    private void post(Transfer transfer) {
        ledger.post(List.of(transfer));
    }
}
