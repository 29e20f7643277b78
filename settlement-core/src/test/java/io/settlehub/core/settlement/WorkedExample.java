package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload;
import io.settlehub.contract.EventPayload.*;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The reference case of docs/design.md as canonical events, for every test that needs it. */
public final class WorkedExample {

    public static final String CLIENT = "acme";
    public static final String ORDER = "33920474-0032-1";

    private WorkedExample() {
    }

    public static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    public static Agreement agreement() {
        return new Agreement(CLIENT, "Acme Import", new BigDecimal("0.05"), new BigDecimal("0.22"), "RUB", rub("1000.00"),
                Agreement.FxDifferenceBearer.CLIENT, true, "cbr",
                new Agreement.BankAccount("Acme Import LLC", "40702810900000000001", "044525225", "7701234567"));
    }

    public static CanonicalEvent event(String id, EventType type, String source, String at, EventPayload payload) {
        return new CanonicalEvent(id, type, 1, source, type == EventType.FX_RATE ? null : CLIENT, Instant.parse(at), payload);
    }

    public static CanonicalEvent goodsReceived() {
        return event("1c:acme:receipt:R-1", EventType.GOODS_RECEIVED, "accounting", "2026-02-01T08:00:00Z",
                new GoodsReceived("R-1", "shenzhen-lights", List.of(new ReceiptLine("LAMP-01", 100, Money.of("50.00", "CNY")))));
    }

    public static CanonicalEvent customs() {
        return event("customs:acme:D-1", EventType.CUSTOMS_ASSESSED, "customs", "2026-02-03T08:00:00Z",
                new CustomsAssessed("D-1", "R-1", List.of(new CustomsLine("LAMP-01", 100, rub("62500.00"), rub("6250.00"),
                        rub("15125.00"), rub("1231.00"))), null));
    }

    public static CanonicalEvent freight() {
        return event("cdek:acme:S-1", EventType.SHIPMENT_COST, "carrier", "2026-02-04T08:00:00Z",
                new ShipmentCost("S-1", "R-1", "cdek", rub("30000.00"), List.of(new SkuQuantity("LAMP-01", 100)), null));
    }

    public static CanonicalEvent rate() {
        return event("cbr:CNY:RUB:2026-03-02", EventType.FX_RATE, "cbr", "2026-03-01T09:00:00Z",
                new FxRate("CNY", "RUB", new BigDecimal("12.8000"), LocalDate.of(2026, 3, 2), null));
    }

    public static CanonicalEvent sale() {
        return event("ozon:acme:op:8812341", EventType.SALE, "ozon", "2026-03-02T09:15:00Z",
                new Sale(ORDER, List.of(new SaleLine("LAMP-01", 2, rub("2490.00"), rub("190.00"),
                        List.of(new Fee("commission", rub("718.50")), new Fee("logistics", rub("150.00")))))));
    }

    public static CanonicalEvent hold() {
        return event("ozon:acme:hold:" + ORDER, EventType.HOLD_PLACED, "ozon", "2026-03-02T10:00:00Z",
                new HoldPlaced(ORDER, rub("784.30"), null));
    }

    public static CanonicalEvent payout() {
        return event("ozon:acme:payout:P-1", EventType.MARKETPLACE_PAYOUT, "ozon", "2026-03-16T10:00:00Z",
                new MarketplacePayout("P-1", rub("3137.20"), List.of(new PayoutOrder(ORDER, rub("3137.20")))));
    }

    public static CanonicalEvent returnOfOneLamp() {
        return event("ozon:acme:return:" + ORDER + ":1", EventType.RETURN, "ozon", "2026-03-20T10:00:00Z",
                new Return(ORDER, "LAMP-01", 1, rub("2395.00"), rub("359.25"), rub("120.00")));
    }

    /** Ozon releases the whole hold. */
    public static CanonicalEvent holdReleased() {
        return event("ozon:acme:release", EventType.HOLD_RELEASED, "ozon", "2026-04-01T10:00:00Z", new HoldReleased(ORDER, rub("784.30")));
    }

    /** Ozon pays the released 784.30 without naming the order: the order is then paid in full. */
    public static CanonicalEvent restOfPayout() {
        return event("ozon:acme:payout:P-2", EventType.MARKETPLACE_PAYOUT, "ozon", "2026-04-02T10:00:00Z",
                new MarketplacePayout("P-2", rub("784.30"), List.of()));
    }

    /** Everything up to the payout: the state of the worked example's second table. */
    public static List<CanonicalEvent> untilPayout() {
        return List.of(goodsReceived(), customs(), freight(), rate(), sale(), hold(), payout());
    }

    public static ReferenceData reference(List<CanonicalEvent> facts) {
        return new RateBook(facts.stream().filter(e -> e.type() == EventType.FX_RATE).toList(),
                Map.of(LocalDate.of(2019, 1, 1), new BigDecimal("0.20"), LocalDate.of(2026, 1, 1), new BigDecimal("0.22")));
    }

    public static ClientSettlement settle(List<CanonicalEvent> facts) {
        return SettlementCalculator.settle(agreement(), facts.stream().filter(e -> e.type() != EventType.FX_RATE).toList(),
                reference(facts));
    }
}
