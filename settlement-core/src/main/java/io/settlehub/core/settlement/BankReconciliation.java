package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.BankCredit;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The marketplaces' payouts against the money that reached the hub's bank account ({@code BANK_CREDIT}): a payout is
 * matched by a credit of the same amount booked from three days before to ten days after it, oldest first. A credit
 * nothing matches is reported at once; a payout is reported once the bank has reported credits more than ten days
 * after it and none of them was its money.
 */
public final class BankReconciliation {

    static final int DAYS_BEFORE = 3;
    static final int DAYS_AFTER = 10;

    private BankReconciliation() {
    }

    /** A payout no credit matched (yet). */
    public record OpenPayout(String payoutId, String source, Money amount, LocalDate date) {
    }

    /** A credit no payout matched. */
    public record OpenCredit(String statementId, String entryRef, Money amount, String payerName, LocalDate date) {
    }

    /** What is left open, and the latest booking date the bank has reported for the client. */
    public record Result(List<OpenPayout> payouts, List<OpenCredit> credits, LocalDate latestCredit) {

        /** Payouts the bank has had time to credit: it reported later credits, more than ten days after them. */
        public List<OpenPayout> overdue() {
            return latestCredit == null ? List.of()
                    : payouts.stream().filter(p -> latestCredit.isAfter(p.date().plusDays(DAYS_AFTER))).toList();
        }
    }

    public static Result of(List<CanonicalEvent> payoutFacts, List<CanonicalEvent> creditFacts) {
        if (creditFacts.isEmpty()) {
            return new Result(List.of(), List.of(), null);
        }
        List<OpenCredit> credits = new ArrayList<>();
        for (CanonicalEvent event : creditFacts.stream().sorted(Comparator.comparing(CanonicalEvent::occurredAt)
                .thenComparing(CanonicalEvent::eventId)).toList()) {
            BankCredit credit = (BankCredit) event.payload();
            credits.add(new OpenCredit(credit.statementId(), credit.entryRef(), credit.amount(), credit.payerName(),
                    io.settlehub.contract.BusinessCalendar.dateOf(credit.bookedAt())));
        }
        LocalDate latest = credits.stream().map(OpenCredit::date).max(LocalDate::compareTo).orElse(null);
        List<OpenPayout> payouts = new ArrayList<>();
        for (CanonicalEvent event : payoutFacts.stream().sorted(Comparator.comparing(CanonicalEvent::occurredAt)
                .thenComparing(CanonicalEvent::eventId)).toList()) {
            MarketplacePayout payout = (MarketplacePayout) event.payload();
            LocalDate date = event.businessDate();
            Optional<OpenCredit> match = credits.stream().filter(c -> c.amount().equals(payout.amount()))
                    .filter(c -> !c.date().isBefore(date.minusDays(DAYS_BEFORE)) && !c.date().isAfter(date.plusDays(DAYS_AFTER))).findFirst();
            if (match.isPresent()) {
                credits.remove(match.get());
            } else {
                payouts.add(new OpenPayout(payout.payoutId(), event.source(), payout.amount(), date));
            }
        }
        return new Result(payouts, credits, latest);
    }
}
