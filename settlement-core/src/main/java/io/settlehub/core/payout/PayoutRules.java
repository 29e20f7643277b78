package io.settlehub.core.payout;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.SupplierDue.Due;
import io.settlehub.core.settlement.SupplierDue.OrderDue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a payout run pays, decided without the database: the client its whole {@code available} once it reaches the
 * agreed minimum; each supplier what its due exceeds what payments not rejected already cover (those in flight
 * included), with each order's change, so that no order's goods are paid twice.
 */
public final class PayoutRules {

    private PayoutRules() {
    }

    /** The client's payout: all of {@code available}, when positive, at least the minimum, and the client has a bank account. */
    public static Optional<Money> clientPayout(Money available, Money minimumPayout, boolean hasBankAccount) {
        if (!hasBankAccount || available.signum() <= 0 || available.compareTo(minimumPayout) < 0) {
            return Optional.empty();
        }
        return Optional.of(available);
    }

    /**
     * A supplier's payment: what is due beyond what is covered, in the supplier's currency ({@code owed}) and in what the
     * client was charged for it ({@code charged}), and by order. Empty when nothing more is owed.
     */
    public static Optional<Due> supplierPayment(Due due, Due covered) {
        Money owed = due.owed().minus(covered.owed());
        if (owed.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Due(owed, due.charged().minus(covered.charged()), changeByOrder(due.orders(), covered.orders())));
    }

    /**
     * What each order owes beyond what earlier payments paid for it. Negative after a return: the returned units went
     * back to stock and are paid for again by the order that sells them, so the payment nets them.
     */
    static List<OrderDue> changeByOrder(List<OrderDue> due, List<OrderDue> covered) {
        Map<String, OrderDue> change = new TreeMap<>();
        due.forEach(o -> change.put(o.orderKey(), o));
        for (OrderDue paid : covered) {
            OrderDue now = change.get(paid.orderKey());
            change.put(paid.orderKey(), now == null
                    ? new OrderDue(paid.source(), paid.orderId(), paid.owed().negate(), paid.charged().negate())
                    : new OrderDue(now.source(), now.orderId(), now.owed().minus(paid.owed()), now.charged().minus(paid.charged())));
        }
        return change.values().stream().filter(o -> !o.owed().isZero() || !o.charged().isZero()).toList();
    }
}
