package io.settlehub.testsupport;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.*;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible stream of canonical events over many clients (ids {@code bench-<n>}): stock, customs and freight per
 * client first, then sales, holds and payouts on that stock in random order. Used by the benchmarks and the scale-out
 * and fault tests.
 */
public final class EventStreams {

    private EventStreams() {
    }

    static Money rub(long kopecks) {
        return new Money(BigDecimal.valueOf(kopecks, 2), "RUB");
    }

    public static String client(int c) {
        return "bench-" + c;
    }

    public static List<CanonicalEvent> generate(int clients, int total, long seed) {
        return generate("bench-", clients, total, seed);
    }

    /** The same kind of stream for clients {@code <prefix><n>}, so that two streams never share an event id. */
    public static List<CanonicalEvent> generate(String prefix, int clients, int total, long seed) {
        Random random = new Random(seed);
        List<CanonicalEvent> events = new ArrayList<>();
        Instant start = Instant.parse("2026-10-01T09:00:00Z");
        events.add(new CanonicalEvent("cbr:CNY:RUB:2026-09-30", EventType.FX_RATE, 1, "cbr", null, start,
                new FxRate("CNY", "RUB", new BigDecimal("12.8000"), LocalDate.of(2026, 9, 30), null)));
        for (int c = 0; c < clients; c++) {
            String id = prefix + c;
            events.add(event(id + ":receipt", EventType.GOODS_RECEIVED, id, start, new GoodsReceived("R-" + c, "supplier-" + c,
                    List.of(new ReceiptLine("SKU-A", 1_000_000, Money.of("50.00", "CNY")),
                            new ReceiptLine("SKU-B", 1_000_000, Money.of("7.35", "CNY"))))));
            events.add(event(id + ":customs", EventType.CUSTOMS_ASSESSED, id, start, new CustomsAssessed("D-" + c, "R-" + c,
                    List.of(new CustomsLine("SKU-A", 1_000_000, rub(62_500_000_00L), rub(6_250_000_00L), rub(15_125_000_00L), rub(123_100_00L))),
                    null)));
            events.add(event(id + ":freight", EventType.SHIPMENT_COST, id, start, new ShipmentCost("S-" + c, "R-" + c, "cdek",
                    rub(3_000_000_00L), List.of(new SkuQuantity("SKU-A", 1_000_000), new SkuQuantity("SKU-B", 1_000_000)), null)));
        }
        int[] orders = new int[clients];
        while (events.size() < total) {
            int c = random.nextInt(clients);
            String id = prefix + c;
            Instant at = start.plusSeconds(60L * events.size());
            int kind = random.nextInt(100);
            if (kind < 70 || orders[c] == 0) {
                int n = ++orders[c];
                int quantity = 1 + random.nextInt(3);
                long price = 100_00 + random.nextInt(5_000_00);
                events.add(event(id + ":sale:" + n, EventType.SALE, id, at, new Sale("O-" + n, List.of(new SaleLine(
                        random.nextBoolean() ? "SKU-A" : "SKU-B", quantity, rub(price), rub(0),
                        List.of(new Fee("commission", rub(price * quantity * 15 / 100)), new Fee("logistics", rub(75_00))))))));
            } else if (kind < 85) {
                int n = 1 + random.nextInt(orders[c]);
                events.add(event(id + ":hold:" + events.size(), EventType.HOLD_PLACED, id, at, new HoldPlaced("O-" + n, rub(10_00), null)));
            } else {
                int n = 1 + random.nextInt(orders[c]);
                events.add(event(id + ":payout:" + events.size(), EventType.MARKETPLACE_PAYOUT, id, at,
                        new MarketplacePayout("P-" + events.size(), rub(50_00), List.of(new PayoutOrder("O-" + n, rub(50_00))))));
            }
        }
        return events;
    }

    private static CanonicalEvent event(String id, EventType type, String client, Instant at, io.settlehub.contract.EventPayload payload) {
        return new CanonicalEvent("bench:" + id, type, 1, "ozon", client, at, payload);
    }
}
