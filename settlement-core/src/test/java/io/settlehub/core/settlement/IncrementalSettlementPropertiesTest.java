package io.settlehub.core.settlement;

import static io.settlehub.core.settlement.WorkedExample.CLIENT;
import static io.settlehub.core.settlement.WorkedExample.agreement;
import static io.settlehub.core.settlement.WorkedExample.event;
import static io.settlehub.core.settlement.WorkedExample.rub;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.*;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.core.ledger.Component;
import io.settlehub.core.ledger.InMemoryLedger;
import io.settlehub.core.ledger.PostingPlan;
import io.settlehub.core.ledger.Transfer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Collectors;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;

/**
 * The full derivation is the oracle of the incremental one (decision 0010): streams with late and out-of-order facts,
 * stock shortages, returns, holds, payouts naming several orders or none, charges, customs and freight corrections and
 * late rates, applied in any arrival order and batching through checkpoints, leave after every batch exactly the
 * ledger components and parked facts a full derivation of the same facts gives.
 */
public class IncrementalSettlementPropertiesTest {

    private static final AgreementTerms TERMS = AgreementTerms.always(agreement());

    @Property(seed = "20261130")
    void continuing_from_checkpoints_equals_deriving_whole(@ForAll("seeds") long seed,
                                                           @ForAll @IntRange(min = 1, max = 6) int batchSize,
                                                           @ForAll boolean shuffled) {
        Random random = new Random(seed);
        List<CanonicalEvent> stream = stream(random);
        List<CanonicalEvent> arrival = arrivalOrder(stream, random, shuffled);
        Hub hub = new Hub();
        for (int i = 0; i < arrival.size(); i += batchSize) {
            hub.apply(arrival.subList(i, Math.min(arrival.size(), i + batchSize)));
            hub.assertEqualsFullDerivation();
        }
    }

    @Example
    void an_in_order_stream_of_local_facts_continues_from_checkpoints() {
        Random random = new Random(7);
        Hub hub = new Hub();
        List<CanonicalEvent> stream = stream(random).stream()
                .filter(e -> !(e.payload() instanceof MarketplacePayout p && p.orders().isEmpty()))
                .sorted(Comparator.comparing(CanonicalEvent::occurredAt).thenComparing(CanonicalEvent::eventId)).toList();
        stream.forEach(e -> {
            hub.apply(List.of(e));
            hub.assertEqualsFullDerivation();
        });
        assertThat(hub.continued).as("batches continued from a checkpoint").isGreaterThan(stream.size() / 2);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** The service's ingest decision over memory: continue from the checkpoint when the new facts allow it. */
    static final class Hub implements SettledState {
        final Map<String, CanonicalEvent> facts = new LinkedHashMap<>();
        final InMemoryLedger ledger = new InMemoryLedger();
        final Map<String, Parked> parked = new TreeMap<>();
        final Map<String, StoredOrder> orders = new TreeMap<>();
        Checkpoint checkpoint;
        int continued;

        void apply(List<CanonicalEvent> batch) {
            List<CanonicalEvent> fresh = new ArrayList<>();
            for (CanonicalEvent event : batch) {
                if (facts.putIfAbsent(event.eventId(), event) == null) {
                    fresh.add(event);
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            boolean rates = fresh.stream().anyMatch(e -> e.type() == EventType.FX_RATE);
            List<CanonicalEvent> clientFresh = fresh.stream().filter(e -> e.type() != EventType.FX_RATE).toList();
            String cause = fresh.get(0).eventId();
            if (!rates && checkpoint != null && Resumption.accepts(checkpoint, clientFresh)) {
                continued++;
                IncrementalSettlement.Continued done = IncrementalSettlement.continueClients(this, Map.of(CLIENT, checkpoint),
                        Map.of(CLIENT, clientFresh), Map.of(CLIENT, TERMS), reference(), Map.of(CLIENT, io.settlehub.core.settlement.TransferCauses.of(clientFresh, cause))).get(0);
                ledger.post(done.transfers());
                done.examined().forEach(parked::remove);
                done.parked().forEach(p -> parked.put(p.eventId(), p));
                checkpoint = done.checkpoint();
                done.derivation().storedOrders().forEach(o -> orders.put(o.orderId(), o));
            } else {
                Derivation whole = SettlementCalculator.derive(TERMS, clientFacts(), reference());
                ledger.post(PostingPlan.difference(CLIENT, heldAll(), SettlementPostings.of(whole.settlement()), cause));
                parked.clear();
                whole.settlement().parked().forEach(p -> parked.put(p.eventId(), p));
                checkpoint = whole.checkpoint();
                orders.clear();
                whole.storedOrders().forEach(o -> orders.put(o.orderId(), o));
            }
        }

        void assertEqualsFullDerivation() {
            ClientSettlement whole = SettlementCalculator.settle(TERMS, clientFacts(), reference());
            assertThat(PostingPlan.index(heldAll())).isEqualTo(PostingPlan.index(
                    SettlementPostings.of(whole).stream().filter(c -> !c.amount().isZero()).toList()));
            assertThat(parked).isEqualTo(whole.parked().stream().collect(Collectors.toMap(Parked::eventId, p -> p, (a, b) -> a, TreeMap::new)));
            if (checkpoint != null && !checkpoint.unlistedPayouts()) {
                for (OrderSettlement order : whole.orders()) {
                    assertThat(IncrementalSettlement.order(this, CLIENT, checkpoint, TERMS, reference(), order.orderId()))
                            .as("order %s read alone", order.orderId()).contains(order);
                }
                assertThat(IncrementalSettlement.order(this, CLIENT, checkpoint, TERMS, reference(), "NO-SUCH-ORDER")).isEmpty();
            }
        }

        List<CanonicalEvent> clientFacts() {
            return facts.values().stream().filter(e -> e.type() != EventType.FX_RATE).toList();
        }

        ReferenceData reference() {
            return WorkedExample.reference(List.copyOf(facts.values()));
        }

        List<Component> heldAll() {
            Map<String, Component> net = new LinkedHashMap<>();
            for (Transfer t : ledger.journal()) {
                Component part = new Component(t.component(), t.debit(), t.credit(), t.amount()).normalized();
                net.merge(PostingPlan.keyOf(part), part, (a, b) -> new Component(a.key(), a.debit(), a.credit(), a.amount().plus(b.amount())));
            }
            return net.values().stream().filter(c -> !c.amount().isZero()).toList();
        }

        private static Collection<String> ids(Map<String, ? extends Collection<String>> byClient) {
            Collection<String> ids = byClient.get(CLIENT);
            return ids == null ? List.of() : ids;
        }

        @Override
        public Map<String, Checkpoint> checkpoints(Collection<String> clientIds) {
            return checkpoint == null ? Map.of() : Map.of(CLIENT, checkpoint);
        }

        @Override
        public Map<String, Map<String, StoredOrder>> orders(Map<String, ? extends Collection<String>> orderIdsByClient) {
            Map<String, StoredOrder> found = new HashMap<>();
            ids(orderIdsByClient).forEach(id -> {
                if (orders.containsKey(id)) {
                    found.put(id, orders.get(id));
                }
            });
            return Map.of(CLIENT, found);
        }

        @Override
        public Map<String, List<CanonicalEvent>> factsNaming(Map<String, ? extends Collection<String>> orderIdsByClient) {
            Collection<String> ids = ids(orderIdsByClient);
            return Map.of(CLIENT, clientFacts().stream().filter(e -> NamedOrders.of(e).stream().anyMatch(ids::contains)).toList());
        }

        @Override
        public Map<String, List<Component>> held(Map<String, ComponentSelection> selectionByClient) {
            ComponentSelection selection = selectionByClient.get(CLIENT);
            return Map.of(CLIENT, selection == null ? List.of() : heldAll().stream().filter(c -> selection.covers(c.key())).toList());
        }
    }

    private static List<CanonicalEvent> arrivalOrder(List<CanonicalEvent> stream, Random random, boolean shuffled) {
        List<CanonicalEvent> arrival = new ArrayList<>(stream);
        if (shuffled) {
            Collections.shuffle(arrival, random);
            return arrival;
        }
        arrival.sort(Comparator.comparing(CanonicalEvent::occurredAt).thenComparing(CanonicalEvent::eventId));
        for (int swaps = random.nextInt(4); swaps > 0; swaps--) {
            int i = random.nextInt(arrival.size());
            int j = Math.min(arrival.size() - 1, i + 1 + random.nextInt(5));
            Collections.swap(arrival, i, j);
        }
        // a fact sent twice
        arrival.add(random.nextInt(arrival.size()), arrival.get(random.nextInt(arrival.size())));
        return arrival;
    }

    private static final String[] SKUS = {"LAMP-01", "CASE-02"};

    /** A client's stream: two receipts of one SKU and one of another, with corrections, then orders on that stock. */
    public static List<CanonicalEvent> stream(Random random) {
        Instant start = Instant.parse("2026-03-02T08:00:00Z");
        List<CanonicalEvent> events = new ArrayList<>();
        events.add(WorkedExample.rate());
        events.add(event("1c:acme:receipt:R-1", EventType.GOODS_RECEIVED, "accounting", "2026-02-01T08:00:00Z",
                new GoodsReceived("R-1", "shenzhen-lights", List.of(new ReceiptLine("LAMP-01", 4 + random.nextInt(4), Money.of("50.00", "CNY")),
                        new ReceiptLine("CASE-02", 3 + random.nextInt(4), Money.of("8.10", "CNY"))))));
        events.add(event("1c:acme:receipt:R-2", EventType.GOODS_RECEIVED, "accounting", "2026-02-20T08:00:00Z",
                new GoodsReceived("R-2", "ningbo-parts", List.of(new ReceiptLine("LAMP-01", 3 + random.nextInt(5), Money.of("52.00", "CNY"))))));
        events.add(event("customs:acme:D-1", EventType.CUSTOMS_ASSESSED, "customs", "2026-02-03T08:00:00Z",
                new CustomsAssessed("D-1", "R-1", List.of(new CustomsLine("LAMP-01", 5, rub("3125.00"), rub("312.00"), rub("756.00"), rub("60.00"))), null)));
        events.add(event("cdek:acme:S-1", EventType.SHIPMENT_COST, "carrier", "2026-02-04T08:00:00Z",
                new ShipmentCost("S-1", "R-1", "cdek", rub("1500.00"), List.of(new SkuQuantity("LAMP-01", 5), new SkuQuantity("CASE-02", 3)), null)));
        if (random.nextInt(3) == 0) {
            events.add(event("customs:acme:D-1:r2", EventType.CUSTOMS_ASSESSED, "customs", "2026-03-15T08:00:00Z",
                    new CustomsAssessed("D-1", "R-1", List.of(new CustomsLine("LAMP-01", 5, rub("3150.00"), rub("315.00"), rub("760.00"), rub("61.00"))), 2)));
        }
        if (random.nextInt(3) == 0) {
            events.add(event("cbr:CNY:RUB:2026-03-05", EventType.FX_RATE, "cbr", "2026-03-04T12:00:00Z",
                    new FxRate("CNY", "RUB", new BigDecimal("12.9137"), LocalDate.of(2026, 3, 5), null)));
        }
        int orders = 2 + random.nextInt(7);
        for (int i = 0; i < orders; i++) {
            String order = "ORD-" + i;
            Instant soldAt = start.plusSeconds(3600L * i + random.nextInt(1800));
            int lines = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            List<SaleLine> saleLines = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                int quantity = 1 + random.nextInt(3);
                long price = 500 + random.nextInt(3000);
                saleLines.add(new SaleLine(SKUS[(i + l) % 2 == 0 || random.nextBoolean() ? 0 : 1], quantity, rub(price + ".00"), rub("0.00"),
                        List.of(new Fee("commission", rub(BigDecimal.valueOf(price * quantity * 15, 2).toPlainString())))));
            }
            events.add(at("ozon:acme:sale:" + i, EventType.SALE, soldAt, new Sale(order, saleLines)));
            if (random.nextInt(6) == 0) {
                events.add(at("ozon:acme:sale2:" + i, EventType.SALE, soldAt.plusSeconds(600),
                        new Sale(order, List.of(new SaleLine("CASE-02", 1, rub("300.00"), rub("0.00"), List.of())))));
            }
            SaleLine first = saleLines.get(0);
            if (random.nextBoolean()) {
                events.add(at("ozon:acme:hold:" + i, EventType.HOLD_PLACED, soldAt.plusSeconds(random.nextInt(7200) - 1200),
                        new HoldPlaced(order, rub((100 + random.nextInt(400)) + ".00"),
                                random.nextBoolean() ? soldAt.plusSeconds(86_400L * (10 + random.nextInt(5))) : null)));
                if (random.nextBoolean()) {
                    events.add(at("ozon:acme:release:" + i, EventType.HOLD_RELEASED, soldAt.plusSeconds(86_400L * 5),
                            new HoldReleased(order, rub("50.00"))));
                }
            }
            if (random.nextInt(3) == 0) {
                events.add(at("ozon:acme:return:" + i, EventType.RETURN, soldAt.plusSeconds(86_400L * (random.nextInt(4) - 1)),
                        new Return(order, first.sku(), 1, first.unitPrice(), rub("10.00"), rub("50.00"))));
            }
            if (random.nextInt(4) == 0) {
                events.add(at("ozon:acme:adj:" + i, EventType.PRICE_ADJUSTED, soldAt.plusSeconds(86_400L),
                        new PriceAdjusted(order, first.sku(), rub("-12.34"), "promotion")));
            }
            if (random.nextInt(4) == 0) {
                events.add(at("ozon:acme:late-fee:" + i, EventType.MARKETPLACE_CHARGE, soldAt.plusSeconds(86_400L * 2),
                        new MarketplaceCharge("late fee", rub("7.77"), order)));
            }
            if (random.nextInt(5) == 0) {
                events.add(at("ozon:acme:storage:" + i, EventType.MARKETPLACE_CHARGE, soldAt, new MarketplaceCharge("storage", rub("33.33"), null)));
            }
            switch (random.nextInt(5)) {
                case 0, 1 -> events.add(at("ozon:acme:payout:" + i, EventType.MARKETPLACE_PAYOUT, soldAt.plusSeconds(86_400L * 3),
                        new MarketplacePayout("P-" + i, rub("400.00"), List.of(new PayoutOrder(order, rub("400.00"))))));
                case 2 -> {
                    String other = "ORD-" + random.nextInt(orders);
                    events.add(at("ozon:acme:payout:" + i, EventType.MARKETPLACE_PAYOUT, soldAt.plusSeconds(86_400L * 3),
                            new MarketplacePayout("P-" + i, rub("650.00"), List.of(new PayoutOrder(order, rub("400.00")),
                                    new PayoutOrder(other, rub("250.00"))))));
                }
                case 3 -> {
                    if (random.nextInt(3) == 0) {
                        events.add(at("ozon:acme:payout:" + i, EventType.MARKETPLACE_PAYOUT, soldAt.plusSeconds(86_400L * 4),
                                new MarketplacePayout("P-" + i, rub("300.00"), List.of())));
                    }
                }
                default -> {
                    // paid beyond its net: the order is paid in full (unless held), and its suppliers become due
                    events.add(at("ozon:acme:payout:" + i, EventType.MARKETPLACE_PAYOUT, soldAt.plusSeconds(86_400L * 6),
                            new MarketplacePayout("P-" + i, rub("20000.00"), List.of(new PayoutOrder(order, rub("20000.00"))))));
                }
            }
        }
        // the bank's credits: most payouts' money arrives, some never does, and some credits match no payout
        int credited = 0;
        for (CanonicalEvent event : List.copyOf(events)) {
            if (event.payload() instanceof MarketplacePayout payout && random.nextInt(3) > 0) {
                boolean stray = credited++ % 3 == 2;
                Instant booked = event.occurredAt().plusSeconds(86_400L * (stray ? 20 : 2));
                events.add(event("bank:acme:credit:" + payout.payoutId(), EventType.BANK_CREDIT, "bank", booked.toString(),
                        new BankCredit("ST-" + payout.payoutId(), "1", stray ? rub("123.45") : payout.amount(), "7704217370", "OZON",
                                "payout " + payout.payoutId(), booked)));
            }
        }
        return events;
    }

    private static CanonicalEvent at(String id, EventType type, Instant at, io.settlehub.contract.EventPayload payload) {
        return event(id, type, "ozon", at.toString(), payload);
    }
}
