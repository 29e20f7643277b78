package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client's suppliers are owed for goods whose sales have become available: for every order the marketplace
 * has paid in full (nothing pending, nothing held), each lot's units at the lot's unit cost, in the supplier's
 * currency — beside the RUB (sale currency) the client was charged for the same units — per supplier and, within it,
 * per order.
 */
public final class SupplierDue {

    /** Owed to one supplier: in its own currency, what the client was charged for it, and by which orders. */
    public record Due(Money owed, Money charged, List<OrderDue> orders) {

        public Due(Money owed, Money charged) {
            this(owed, charged, List.of());
        }
    }

    /** One order's part of a supplier's due ({@code orderKey} is "source/orderId"). */
    public record OrderDue(String source, String orderId, Money owed, Money charged) {

        public String orderKey() {
            return source + "/" + orderId;
        }
    }

    private SupplierDue() {
    }

    public static Map<String, Due> of(ClientSettlement settlement) {
        Map<String, List<OrderDue>> bySupplier = new TreeMap<>();
        for (OrderSettlement order : settlement.orders()) {
            ofOrder(order).forEach((supplier, due) -> bySupplier.computeIfAbsent(supplier, s -> new ArrayList<>()).add(due));
        }
        return summed(bySupplier);
    }

    /**
     * One order's part of its suppliers' dues, by supplier: nothing until the marketplace has paid it in full (nothing
     * pending, nothing held, something available or paid).
     */
    public static Map<String, OrderDue> ofOrder(OrderSettlement order) {
        Map<String, OrderDue> dues = new TreeMap<>();
        if (order.sum(LineSettlement::pending).signum() != 0 || order.sum(LineSettlement::held).signum() != 0
                || order.sum(LineSettlement::available).signum() == 0 && order.marketplacePaid().signum() == 0) {
            return dues;
        }
        Map<String, Money> owed = new TreeMap<>();
        Map<String, Money> charged = new TreeMap<>();
        for (LineSettlement line : order.lines()) {
            Map<String, BigDecimal> exact = new TreeMap<>();
            Map<String, String> currency = new TreeMap<>();
            for (LineSettlement.LotUse lot : line.lots()) {
                exact.merge(lot.supplierId(), lot.unitGoodsCost().amount().multiply(BigDecimal.valueOf(lot.quantity())),
                        BigDecimal::add);
                currency.put(lot.supplierId(), lot.unitGoodsCost().currency());
            }
            exact.forEach((supplier, amount) -> {
                owed.merge(supplier, Money.rounded(amount, currency.get(supplier)), Money::plus);
                charged.merge(supplier, line.goodsCostBySupplier().get(supplier), Money::plus);
            });
        }
        owed.forEach((supplier, amount) -> dues.put(supplier, new OrderDue(order.source(), order.orderId(), amount, charged.get(supplier))));
        return dues;
    }

    /** Each supplier's due: its orders' parts added up. */
    public static Map<String, Due> summed(Map<String, List<OrderDue>> bySupplier) {
        Map<String, Due> due = new TreeMap<>();
        bySupplier.forEach((supplier, orders) -> due.put(supplier, new Due(
                orders.stream().map(OrderDue::owed).reduce(Money::plus).orElseThrow(),
                orders.stream().map(OrderDue::charged).reduce(Money::plus).orElseThrow(), List.copyOf(orders))));
        return due;
    }
}
