package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.util.List;
import java.util.Optional;

/**
 * Everything derived from one client's facts: orders, charges, marketplace payouts, what is parked, the customs
 * declaration lines that differ from the tariff, and the payouts and bank credits that do not match each other.
 */
public record ClientSettlement(
        String clientId,
        List<OrderSettlement> orders,
        List<Charge> charges,
        List<ReceivedPayout> payouts,
        List<Parked> parked,
        List<CustomsCheck.Deviation> customsDeviations,
        BankReconciliation.Result bank) {

    /** A marketplace charge not tied to an order: it changes {@code available} at once. */
    public record Charge(String eventId, String source, String kind, Money amount) {
    }

    /** Money a marketplace reports it paid, and the part no unpaid order could take (a discrepancy). */
    public record ReceivedPayout(String payoutId, String source, Money amount, Money unallocated) {
    }

    public Optional<OrderSettlement> order(String orderId) {
        return orders.stream().filter(o -> o.orderId().equals(orderId)).findFirst();
    }
}
