package io.settlehub.core.ledger;

import static io.settlehub.core.settlement.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.*;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.core.settlement.ClientSettlement;
import io.settlehub.core.settlement.LineSettlement;
import io.settlehub.core.settlement.SettlementCalculator;
import io.settlehub.core.settlement.SettlementPostings;
import java.math.BigDecimal;
import java.util.*;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;

/**
 * Ledger invariants over any stream of a client's events, applied in any order and any batching, through
 * the same path the service takes (record the fact once, re-derive, post the difference).
 */
class LedgerPropertiesTest {

    /** The service's ingest path over memory: facts keyed by eventId, the ledger holding the differences. */
    static final class InMemoryHub {
        final Map<String, CanonicalEvent> facts = new LinkedHashMap<>();
        final InMemoryLedger ledger = new InMemoryLedger();

        void apply(List<CanonicalEvent> batch) {
            batch.forEach(e -> facts.putIfAbsent(e.eventId(), e));
            ledger.settle(CLIENT, SettlementPostings.of(settlement()), batch.isEmpty() ? "none" : batch.get(0).eventId());
        }

        ClientSettlement settlement() {
            return settle(new ArrayList<>(facts.values()));
        }

        BigDecimal bucket(Bucket bucket) {
            return ledger.balances(AccountKey.client(CLIENT, bucket, "RUB")).creditBalance();
        }
    }

    @Property(seed = "20261126")
    void every_posting_balances_and_balances_are_the_sums_of_their_transfers(@ForAll("streams") List<CanonicalEvent> events,
                                                                              @ForAll @IntRange(min = 1, max = 7) int batchSize) {
        InMemoryHub hub = new InMemoryHub();
        for (int i = 0; i < events.size(); i += batchSize) {
            hub.apply(events.subList(i, Math.min(events.size(), i + batchSize)));
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (Balances b : hub.ledger.allBalances().values()) {
            debits = debits.add(b.debitsPosted());
            credits = credits.add(b.creditsPosted());
            BigDecimal fromJournal = hub.ledger.journal().stream()
                    .map(t -> t.credit().equals(b.account()) ? t.amount().amount()
                            : t.debit().equals(b.account()) ? t.amount().amount().negate() : BigDecimal.ZERO)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(b.creditBalance()).as("balance of %s", b.account()).isEqualByComparingTo(fromJournal);
        }
        assertThat(debits).isEqualByComparingTo(credits);
        assertThat(hub.ledger.balances(AccountKey.clearing(CLIENT, "RUB")).creditBalance()).isEqualByComparingTo("0");

        ClientSettlement settlement = hub.settlement();
        BigDecimal netOfOrders = settlement.orders().stream().map(o -> o.sum(LineSettlement::clientNet).amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal charges = settlement.charges().stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal buckets = hub.bucket(Bucket.PENDING).add(hub.bucket(Bucket.HELD))
                .add(hub.bucket(Bucket.AVAILABLE));
        assertThat(buckets).isEqualByComparingTo(netOfOrders.subtract(charges));
    }

    @Property(seed = "20261126")
    void applying_any_event_twice_equals_applying_it_once(@ForAll("streams") List<CanonicalEvent> events,
                                                           @ForAll Random random) {
        InMemoryHub once = new InMemoryHub();
        events.forEach(e -> once.apply(List.of(e)));
        InMemoryHub twice = new InMemoryHub();
        for (CanonicalEvent event : events) {
            twice.apply(List.of(event));
            if (random.nextBoolean()) {
                twice.apply(List.of(event));
            }
        }
        events.forEach(e -> twice.apply(List.of(e)));
        assertThat(twice.ledger.allBalances()).isEqualTo(once.ledger.allBalances());
    }

    @Property(seed = "20261126")
    void any_arrival_order_ends_in_the_same_balances(@ForAll("streams") List<CanonicalEvent> events, @ForAll Random random) {
        InMemoryHub inOrder = new InMemoryHub();
        events.forEach(e -> inOrder.apply(List.of(e)));
        List<CanonicalEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        InMemoryHub outOfOrder = new InMemoryHub();
        shuffled.forEach(e -> outOfOrder.apply(List.of(e)));
        for (Bucket bucket : Bucket.values()) {
            assertThat(outOfOrder.bucket(bucket)).as(bucket.kind()).isEqualByComparingTo(inOrder.bucket(bucket));
        }
        assertThat(outOfOrder.settlement()).isEqualTo(inOrder.settlement());
    }

    @Provide
    Arbitrary<List<CanonicalEvent>> streams() {
        Arbitrary<Integer> orders = Arbitraries.integers().between(1, 6);
        return orders.flatMap(count -> Combinators.combine(
                        Arbitraries.integers().between(50, 5000).list().ofSize(count),
                        Arbitraries.integers().between(1, 4).list().ofSize(count),
                        Arbitraries.integers().between(0, 60).list().ofSize(count),
                        Arbitraries.integers().between(0, 100).list().ofSize(count),
                        Arbitraries.integers().between(0, 2).list().ofSize(count),
                        Arbitraries.integers().between(0, 5).list().ofSize(count))
                .as((prices, quantities, holdPercents, paidPercents, returns, extras) ->
                        stream(prices, quantities, holdPercents, paidPercents, returns, extras)));
    }

    private static List<CanonicalEvent> stream(List<Integer> prices, List<Integer> quantities, List<Integer> holdPercents,
                                               List<Integer> paidPercents, List<Integer> returns, List<Integer> extras) {
        List<CanonicalEvent> events = new ArrayList<>(List.of(goodsReceived(), customs(), freight(), rate(),
                // late facts: a corrected declaration, a second freight bill, a rate published for a later day
                event("customs:acme:D-1:r2", EventType.CUSTOMS_ASSESSED, "customs", "2026-03-15T08:00:00Z",
                        new CustomsAssessed("D-1", "R-1", List.of(new CustomsLine("LAMP-01", 100, rub("62500.00"), rub("6300.00"),
                                rub("15136.00"), rub("1231.00"))), 2)),
                event("cdek:acme:S-2", EventType.SHIPMENT_COST, "carrier", "2026-03-16T08:00:00Z",
                        new ShipmentCost("S-2", "R-1", "cdek", rub("1000.01"), List.of(new SkuQuantity("LAMP-01", 100)), null)),
                event("cbr:CNY:RUB:2026-03-05", EventType.FX_RATE, "cbr", "2026-03-04T12:00:00Z",
                        new FxRate("CNY", "RUB", new BigDecimal("12.9137"), java.time.LocalDate.of(2026, 3, 5), null))));
        for (int i = 0; i < prices.size(); i++) {
            String order = "ORD-" + i;
            String at = "2026-03-0" + (2 + i % 7) + "T09:15:00Z";
            BigDecimal price = BigDecimal.valueOf(prices.get(i)).setScale(2);
            int quantity = quantities.get(i);
            BigDecimal gross = price.multiply(BigDecimal.valueOf(quantity));
            BigDecimal fee = gross.multiply(new BigDecimal("0.15")).setScale(2, java.math.RoundingMode.HALF_UP);
            events.add(event("ozon:acme:sale:" + i, EventType.SALE, "ozon", at, new Sale(order,
                    List.of(new SaleLine("LAMP-01", quantity, rub(price.toPlainString()), rub("0.00"),
                            List.of(new Fee("commission", rub(fee.toPlainString()))))))));
            BigDecimal net = gross.subtract(fee);
            BigDecimal hold = net.multiply(BigDecimal.valueOf(holdPercents.get(i))).movePointLeft(2).setScale(2, java.math.RoundingMode.DOWN);
            if (hold.signum() > 0) {
                events.add(event("ozon:acme:hold:" + i, EventType.HOLD_PLACED, "ozon", at, new HoldPlaced(order, rub(hold.toPlainString()), null)));
            }
            BigDecimal paid = net.subtract(hold).multiply(BigDecimal.valueOf(paidPercents.get(i))).movePointLeft(2)
                    .setScale(2, java.math.RoundingMode.DOWN);
            if (paid.signum() > 0) {
                boolean listed = i % 2 == 0;
                events.add(event("ozon:acme:payout:" + i, EventType.MARKETPLACE_PAYOUT, "ozon", "2026-03-20T10:00:00Z",
                        new MarketplacePayout("P-" + i, rub(paid.toPlainString()),
                                listed ? List.of(new PayoutOrder(order, rub(paid.toPlainString()))) : List.of())));
            }
            if (returns.get(i) > 0 && quantity > 1) {
                events.add(event("ozon:acme:return:" + i, EventType.RETURN, "ozon", "2026-03-25T10:00:00Z",
                        new Return(order, "LAMP-01", 1, rub(price.toPlainString()), rub("10.00"), rub("50.00"))));
            }
            switch (extras.get(i)) {
                case 1 -> events.add(event("ozon:acme:charge:" + i, EventType.MARKETPLACE_CHARGE, "ozon", at,
                        new MarketplaceCharge("storage", rub("33.33"), null)));
                case 2 -> events.add(event("ozon:acme:adj:" + i, EventType.PRICE_ADJUSTED, "ozon", "2026-03-10T10:00:00Z",
                        new PriceAdjusted(order, "LAMP-01", rub("-12.34"), "promotion")));
                case 3 -> events.add(event("ozon:acme:late-fee:" + i, EventType.MARKETPLACE_CHARGE, "ozon", "2026-03-28T10:00:00Z",
                        new MarketplaceCharge("late fee", rub("7.77"), order)));
                case 4 -> {
                    if (hold.signum() > 0) {
                        events.add(event("ozon:acme:release:" + i, EventType.HOLD_RELEASED, "ozon", "2026-04-01T10:00:00Z",
                                new HoldReleased(order, rub(hold.toPlainString()))));
                    }
                }
                case 5 -> events.add(event("ozon:acme:comp:" + i, EventType.MARKETPLACE_CHARGE, "ozon", at,
                        new MarketplaceCharge("compensation", rub("-15.00"), null)));
                default -> {
                }
            }
        }
        return events;
    }

    @Example
    void money_helper_is_exact() {
        assertThat(Money.of("0.10", "RUB").plus(Money.of("0.20", "RUB"))).isEqualTo(Money.of("0.30", "RUB"));
    }
}
