package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.ClientSettlement.ReceivedPayout;
import java.util.ArrayList;
import java.util.List;

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

    public static List<Discrepancy> of(ClientSettlement settlement) {
        List<Discrepancy> found = new ArrayList<>();
        for (ReceivedPayout payout : settlement.payouts()) {
            if (payout.unallocated().isZero()) {
                continue;
            }
            found.add(new Discrepancy(settlement.clientId(), payout.source(),
                    payout.unallocated().signum() > 0 ? Kind.PAYOUT_NOT_MATCHED : Kind.PAYOUT_DIFFERS_FROM_ITS_ORDERS,
                    "payout " + payout.payoutId(),
                    payout.unallocated(), payout.unallocated().signum() > 0
                            ? payout.unallocated() + " of the payout of " + payout.amount() + " matched no open order"
                            : "the payout of " + payout.amount() + " is " + payout.unallocated().negate() + " less than its orders list"));
        }
        for (OrderSettlement order : settlement.orders()) {
            if (order.paidBeyondNet().signum() > 0) {
                found.add(new Discrepancy(settlement.clientId(), order.source(), Kind.PAID_BEYOND_ORDER, "order " + order.orderId(),
                        order.paidBeyondNet(), "paid " + order.marketplacePaid().plus(order.paidBeyondNet()) + " against "
                                + order.marketplacePaid() + " owed (net less hold); the marketplace claws back the difference"));
            }
        }
        for (BankReconciliation.OpenCredit credit : settlement.bank().credits()) {
            found.add(new Discrepancy(settlement.clientId(), "bank", Kind.CREDIT_MATCHES_NO_PAYOUT,
                    "statement " + credit.statementId() + " entry " + credit.entryRef(), credit.amount(),
                    credit.amount() + " from " + credit.payerName() + " booked " + credit.date() + " matches no payout of the same amount"));
        }
        for (BankReconciliation.OpenPayout payout : settlement.bank().overdue()) {
            found.add(new Discrepancy(settlement.clientId(), payout.source(), Kind.PAYOUT_NOT_CREDITED, "payout " + payout.payoutId(),
                    payout.amount(), "the payout of " + payout.date() + " has not reached the bank account; the bank reported credits up to "
                            + settlement.bank().latestCredit()));
        }
        for (CustomsCheck.Deviation deviation : settlement.customsDeviations()) {
            found.add(new Discrepancy(settlement.clientId(), "customs", Kind.CUSTOMS_DIFFERS_FROM_TARIFF,
                    "declaration " + deviation.declarationId() + " SKU " + deviation.sku(), deviation.difference(),
                    deviation.charge() + " declared " + deviation.declared() + ", the tariff of " + deviation.date() + " gives "
                            + deviation.expected() + " (rate " + deviation.rate().stripTrailingZeros().toPlainString() + ")"));
        }
        return found;
    }
}
