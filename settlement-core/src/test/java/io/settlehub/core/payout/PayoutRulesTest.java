package io.settlehub.core.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.SupplierDue.Due;
import io.settlehub.core.settlement.SupplierDue.OrderDue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PayoutRulesTest {

    static Money rub(String amount) {
        return new Money(new BigDecimal(amount), "RUB");
    }

    static Money cny(String amount) {
        return new Money(new BigDecimal(amount), "CNY");
    }

    @Test
    void the_client_is_paid_all_of_available_once_it_reaches_the_minimum_and_only_with_a_bank_account() {
        assertThat(PayoutRules.clientPayout(rub("999.99"), rub("1000.00"), true)).isEmpty();
        assertThat(PayoutRules.clientPayout(rub("1000.00"), rub("1000.00"), true)).contains(rub("1000.00"));
        assertThat(PayoutRules.clientPayout(rub("3144.00"), rub("1000.00"), true)).contains(rub("3144.00"));
        assertThat(PayoutRules.clientPayout(rub("3144.00"), rub("1000.00"), false)).as("nowhere to pay").isEmpty();
        assertThat(PayoutRules.clientPayout(rub("0.00"), rub("0.00"), true)).as("nothing to pay").isEmpty();
        assertThat(PayoutRules.clientPayout(rub("-5.00"), rub("0.00"), true)).isEmpty();
    }

    @Test
    void a_supplier_is_paid_what_its_due_exceeds_the_payments_that_cover_it_order_by_order() {
        Due due = new Due(cny("150.00"), rub("1920.00"), List.of(new OrderDue("ozon", "A", cny("100.00"), rub("1280.00")),
                new OrderDue("ozon", "B", cny("50.00"), rub("640.00"))));
        Due covered = new Due(cny("100.00"), rub("1280.00"), List.of(new OrderDue("ozon", "A", cny("100.00"), rub("1280.00"))));

        Due payment = PayoutRules.supplierPayment(due, covered).orElseThrow();

        assertThat(payment.owed()).isEqualTo(cny("50.00"));
        assertThat(payment.charged()).isEqualTo(rub("640.00"));
        assertThat(payment.orders()).containsExactly(new OrderDue("ozon", "B", cny("50.00"), rub("640.00")));
        assertThat(PayoutRules.supplierPayment(covered, covered)).as("all covered, in flight or paid").isEmpty();
    }

    @Test
    void a_return_after_a_payment_is_netted_in_the_next_one() {
        Due paid = new Due(cny("100.00"), rub("1280.00"), List.of(new OrderDue("wb", "A", cny("100.00"), rub("1280.00"))));
        // order A returned (its goods back in stock), order B sold the same units and more
        Due due = new Due(cny("160.00"), rub("2048.00"), List.of(new OrderDue("wb", "B", cny("160.00"), rub("2048.00"))));

        Due payment = PayoutRules.supplierPayment(due, paid).orElseThrow();

        assertThat(payment.owed()).isEqualTo(cny("60.00"));
        assertThat(payment.orders()).containsExactly(new OrderDue("wb", "A", cny("-100.00"), rub("-1280.00")),
                new OrderDue("wb", "B", cny("160.00"), rub("2048.00")));
    }

    /**
     * Run after run, with dues that grow, shrink and move between orders: whenever a payment is made, what all payments
     * say of each order equals what that order is due, and a payment's total is the sum of its orders' changes: no
     * order's goods are paid twice, none is forgotten.
     */
    @Property(seed = "20261130")
    void successive_payments_cover_each_order_exactly_what_it_is_due(@ForAll long seed) {
        Random random = new Random(seed);
        List<Due> payments = new ArrayList<>();
        for (int run = 0; run < 8; run++) {
            Due due = randomDue(random);
            Optional<Due> payment = PayoutRules.supplierPayment(due, sum(payments));
            payment.ifPresent(p -> {
                assertThat(p.owed()).isEqualTo(p.orders().stream().map(OrderDue::owed).reduce(cny("0.00"), Money::plus));
                assertThat(p.charged()).isEqualTo(p.orders().stream().map(OrderDue::charged).reduce(rub("0.00"), Money::plus));
                payments.add(p);
                assertThat(byOrder(sum(payments).orders())).isEqualTo(byOrder(due.orders()));
            });
            if (payment.isEmpty()) {
                assertThat(due.owed().compareTo(sum(payments).owed())).isLessThanOrEqualTo(0);
            }
        }
    }

    static Due randomDue(Random random) {
        List<OrderDue> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if (random.nextInt(3) > 0) {
                BigDecimal owed = BigDecimal.valueOf(random.nextInt(50_000) + 1, 2);
                orders.add(new OrderDue("ozon", "O" + i, new Money(owed, "CNY"), Money.rounded(owed.multiply(new BigDecimal("12.8")), "RUB")));
            }
        }
        return new Due(orders.stream().map(OrderDue::owed).reduce(cny("0.00"), Money::plus),
                orders.stream().map(OrderDue::charged).reduce(rub("0.00"), Money::plus), orders);
    }

    /** What the payments so far cover, as the repository sums them: totals, and by order. */
    static Due sum(List<Due> payments) {
        Map<String, OrderDue> orders = new TreeMap<>();
        for (Due payment : payments) {
            for (OrderDue o : payment.orders()) {
                orders.merge(o.orderKey(), o, (a, b) -> new OrderDue(a.source(), a.orderId(), a.owed().plus(b.owed()), a.charged().plus(b.charged())));
            }
        }
        return new Due(payments.stream().map(Due::owed).reduce(cny("0.00"), Money::plus),
                payments.stream().map(Due::charged).reduce(rub("0.00"), Money::plus), List.copyOf(orders.values()));
    }

    static Map<String, Money> byOrder(List<OrderDue> orders) {
        Map<String, Money> owed = new TreeMap<>();
        orders.stream().filter(o -> !o.owed().isZero()).forEach(o -> owed.put(o.orderKey(), o.owed()));
        return owed;
    }
}
