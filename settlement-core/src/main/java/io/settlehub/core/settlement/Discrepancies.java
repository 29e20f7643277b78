package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PayoutOrder;
import io.settlehub.contract.Money;
import io.settlehub.core.settlement.ClientSettlement.ReceivedPayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a marketplace paid that does not match what the hub expected, for an operator to see. Such money never
 * moves a client's buckets by itself.
 */
public final class Discrepancies {

    public enum Kind {
        /** A payout, or the part of it, that no unpaid order could take: paid more than expected. */
        PAYOUT_NOT_MATCHED,
        /** A payout whose listed orders add up to less than the payout (negative) or more (positive). */
        PAYOUT_DIFFERS_FROM_ITS_ORDERS,
        /** An order paid beyond its marketplace net less its hold (after a return): the marketplace claws it back. */
        PAID_BEYOND_ORDER,
        /** A customs declaration line whose duty or customs VAT is not what the tariff of its date gives. */
        CUSTOMS_DIFFERS_FROM_TARIFF,
        /** Money on the hub's bank account that matches no marketplace payout of the client. */
        CREDIT_MATCHES_NO_PAYOUT,
        /** A marketplace payout the bank has not credited, though it reported credits more than ten days later. */
        PAYOUT_NOT_CREDITED,
        /** A payment instruction the bank reported both booked and rejected (in either order): for a person to check with it. */
        PAYMENT_STATUS_CONTRADICTS_RECORD
    }

    /** One discrepancy: which client and partner, what it concerns, the amount and why. */
    public record Discrepancy(String clientId, String source, Kind kind, String reference, Money amount, String explanation) {
    }

    private Discrepancies() {
    }

    /** An order the marketplace paid beyond what it owed (its net less its hold): {@code owed} and the part beyond. */
    public record PaidBeyond(String orderId, String source, Money owed, Money beyond) {
    }

    public static List<Discrepancy> of(ClientSettlement settlement) {
        List<PaidBeyond> paidBeyond = settlement.orders().stream().filter(o -> o.paidBeyondNet().signum() > 0)
                .map(o -> new PaidBeyond(o.orderId(), o.source(), o.marketplacePaid(), o.paidBeyondNet())).toList();
        return of(settlement.clientId(), settlement.payouts(), paidBeyond, settlement.bank(), settlement.customsDeviations());
    }

    /**
     * What the settled state holds of a client (the settlement is not derived for it): its payouts that list their
     * orders and are not waiting for one ({@code waiting}: the ids of the client's parked events), the orders paid
     * beyond what was owed, and the payouts, credits and customs declarations themselves.
     */
    public static List<Discrepancy> ofStored(String clientId, List<CanonicalEvent> payoutFacts, Set<String> waiting,
                                             List<PaidBeyond> paidBeyond, List<CanonicalEvent> creditFacts,
                                             List<CanonicalEvent> customsFacts, ReferenceData reference) {
        List<ReceivedPayout> payouts = new ArrayList<>();
        for (CanonicalEvent event : payoutFacts.stream().sorted(SettlementCalculator.BUSINESS_ORDER).toList()) {
            MarketplacePayout payout = (MarketplacePayout) event.payload();
            if (payout.orders().isEmpty()) {
                throw new IllegalArgumentException("payout " + payout.payoutId() + " of client " + clientId
                        + " lists no orders: only a derivation can tell which orders it paid");
            }
            if (!waiting.contains(event.eventId())) {
                Money listed = payout.orders().stream().map(PayoutOrder::amount).reduce(Money.zero(payout.amount().currency()), Money::plus);
                payouts.add(new ReceivedPayout(payout.payoutId(), event.source(), payout.amount(), payout.amount().minus(listed)));
            }
        }
        return of(clientId, payouts, paidBeyond, BankReconciliation.of(payoutFacts, creditFacts), CustomsCheck.of(customsFacts, reference));
    }

    private static List<Discrepancy> of(String clientId, List<ReceivedPayout> payouts, List<PaidBeyond> paidBeyond,
                                        BankReconciliation.Result bank, List<CustomsCheck.Deviation> customs) {
        List<Discrepancy> found = new ArrayList<>();
        for (ReceivedPayout payout : payouts) {
            if (payout.unallocated().isZero()) {
                continue;
            }
            found.add(new Discrepancy(clientId, payout.source(),
                    payout.unallocated().signum() > 0 ? Kind.PAYOUT_NOT_MATCHED : Kind.PAYOUT_DIFFERS_FROM_ITS_ORDERS,
                    "payout " + payout.payoutId(),
                    payout.unallocated(), payout.unallocated().signum() > 0
                            ? payout.unallocated() + " of the payout of " + payout.amount() + " matched no open order"
                            : "the payout of " + payout.amount() + " is " + payout.unallocated().negate() + " less than its orders list"));
        }
        for (PaidBeyond order : paidBeyond) {
            found.add(new Discrepancy(clientId, order.source(), Kind.PAID_BEYOND_ORDER, "order " + order.orderId(), order.beyond(),
                    "paid " + order.owed().plus(order.beyond()) + " against " + order.owed()
                            + " owed (net less hold); the marketplace claws back the difference"));
        }
        for (BankReconciliation.OpenCredit credit : bank.credits()) {
            found.add(new Discrepancy(clientId, "bank", Kind.CREDIT_MATCHES_NO_PAYOUT,
                    "statement " + credit.statementId() + " entry " + credit.entryRef(), credit.amount(),
                    credit.amount() + " from " + credit.payerName() + " booked " + credit.date() + " matches no payout of the same amount"));
        }
        for (BankReconciliation.OpenPayout payout : bank.overdue()) {
            found.add(new Discrepancy(clientId, payout.source(), Kind.PAYOUT_NOT_CREDITED, "payout " + payout.payoutId(),
                    payout.amount(), "the payout of " + payout.date() + " has not reached the bank account; the bank reported credits up to "
                            + bank.latestCredit()));
        }
        for (CustomsCheck.Deviation deviation : customs) {
            found.add(new Discrepancy(clientId, "customs", Kind.CUSTOMS_DIFFERS_FROM_TARIFF,
                    "declaration " + deviation.declarationId() + " SKU " + deviation.sku(), deviation.difference(),
                    deviation.charge() + " declared " + deviation.declared() + ", the tariff of " + deviation.date() + " gives "
                            + deviation.expected() + " (rate " + deviation.rate().stripTrailingZeros().toPlainString() + ")"));
        }
        return found;
    }
}
