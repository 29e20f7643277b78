package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import io.settlehub.core.ledger.Component;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers, per order, everything its figures are computed from and the figures themselves, so a re-derivation
 * recomputes only the orders whose inputs changed. Purely an optimisation: an order whose inputs are equal gets
 * the very same figures it would have been computed to. Not thread-safe; one per cached client.
 */
public final class OrderMemo {

    /** Everything an order's figures depend on, resolved (agreement terms, rates, lot costs). */
    record OrderInputs(String orderId, String source, String currency, Instant soldAt, List<LineInputs> lines,
                       BigDecimal holdsPlaced, BigDecimal holdReductions, BigDecimal paid, List<String> eventIds) {
    }

    record LineInputs(Object sale, LocalDate saleDate, BigDecimal adjustments, BigDecimal refunds, List<BigDecimal> feeParts, int returned,
                      BigDecimal commissionRate, BigDecimal vatRate, List<PortionInputs> portions, List<String> eventIds) {
    }

    record PortionInputs(String receiptId, String supplierId, int quantity, Money unitGoodsCost, BigDecimal unitCustoms,
                         BigDecimal unitLogistics, BigDecimal rate) {
    }

    private record Entry(OrderInputs inputs, OrderSettlement settlement) {
    }

    private final Map<String, Entry> orders = new HashMap<>();
    private final Map<OrderSettlement, List<Component>> components = new IdentityHashMap<>();

    OrderSettlement settled(OrderInputs inputs) {
        Entry entry = orders.get(inputs.source() + "/" + inputs.orderId());
        return entry != null && entry.inputs().equals(inputs) ? entry.settlement() : null;
    }

    void remember(OrderInputs inputs, OrderSettlement settlement) {
        Entry previous = orders.put(inputs.source() + "/" + inputs.orderId(), new Entry(inputs, settlement));
        if (previous != null && previous.settlement() != settlement) {
            components.remove(previous.settlement());
        }
    }

    /** The ledger components of a remembered order's figures, computed once. */
    List<Component> components(OrderSettlement settlement, java.util.function.Function<OrderSettlement, List<Component>> derive) {
        return components.computeIfAbsent(settlement, derive);
    }
}
