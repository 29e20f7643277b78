package io.settlehub.core.settlement;

import static io.settlehub.core.settlement.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.FxRate;
import io.settlehub.contract.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkedExampleTest {

    private static OrderSettlement order(List<CanonicalEvent> facts) {
        ClientSettlement settlement = settle(facts);
        assertThat(settlement.parked()).as("nothing parked").isEmpty();
        return settlement.order(ORDER).orElseThrow();
    }

    @Test
    void a_sale_gives_the_figures_of_the_worked_example() {
        OrderSettlement order = order(List.of(goodsReceived(), customs(), freight(), rate(), sale()));
        LineSettlement line = order.lines().get(0);
        assertThat(line.gross()).isEqualTo(rub("4790.00"));
        assertThat(line.marketplaceFees()).isEqualTo(rub("868.50"));
        assertThat(line.marketplaceNet()).isEqualTo(rub("3921.50"));
        assertThat(line.serviceCommission()).isEqualTo(rub("239.50"));
        assertThat(line.commissionVat()).isEqualTo(rub("52.69"));
        assertThat(line.goodsCost()).isEqualTo(rub("1280.00"));
        assertThat(line.customsCost()).isEqualTo(rub("452.12"));
        assertThat(line.logisticsCost()).isEqualTo(rub("600.00"));
        assertThat(line.landedCost()).isEqualTo(rub("2332.12"));
        assertThat(line.clientNet()).isEqualTo(rub("1297.19"));
        assertThat(line.pending()).isEqualTo(rub("1297.19"));
    }

    @Test
    void the_hold_and_the_payout_move_the_buckets_as_in_the_worked_example() {
        OrderSettlement held = order(List.of(goodsReceived(), customs(), freight(), rate(), sale(), hold()));
        assertThat(held.sum(LineSettlement::held)).isEqualTo(rub("259.44"));
        assertThat(held.sum(LineSettlement::pending)).isEqualTo(rub("1037.75"));

        OrderSettlement paid = order(untilPayout());
        assertThat(paid.sum(LineSettlement::available)).isEqualTo(rub("1037.75"));
        assertThat(paid.sum(LineSettlement::held)).isEqualTo(rub("259.44"));
        assertThat(paid.sum(LineSettlement::pending)).isEqualTo(rub("0.00"));
    }

    @Test
    void a_return_after_the_payout_leaves_the_worked_examples_figures() {
        List<CanonicalEvent> facts = new ArrayList<>(untilPayout());
        facts.add(returnOfOneLamp());
        OrderSettlement order = order(facts);
        assertThat(order.marketplaceNet()).isEqualTo(rub("1765.75"));
        assertThat(order.sum(LineSettlement::clientNet)).isEqualTo(rub("307.50"));
        assertThat(order.outstandingHold()).isEqualTo(rub("0.00"));
        assertThat(order.marketplacePaid()).isEqualTo(rub("1765.75"));
        assertThat(order.sum(LineSettlement::available)).isEqualTo(rub("307.50"));
        assertThat(order.sum(LineSettlement::held)).isEqualTo(rub("0.00"));
        assertThat(order.sum(LineSettlement::pending)).isEqualTo(rub("0.00"));
    }

    @Test
    void any_arrival_order_gives_the_same_settlement() {
        List<CanonicalEvent> facts = new ArrayList<>(untilPayout());
        facts.add(returnOfOneLamp());
        ClientSettlement reference = settle(facts);
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(facts, random);
            assertThat(settle(facts)).isEqualTo(reference);
        }
    }

    @Test
    void a_sale_before_its_goods_and_rate_is_parked_then_applies_when_they_arrive() {
        ClientSettlement early = settle(List.of(sale(), hold()));
        assertThat(early.orders()).isEmpty();
        assertThat(early.parked()).extracting(Parked::reason)
                .containsExactly("waiting for goods received of SKU LAMP-01: 2 sold, 0 in stock", "waiting for order " + ORDER);

        ClientSettlement withGoods = settle(List.of(sale(), goodsReceived()));
        assertThat(withGoods.parked()).extracting(Parked::reason).containsExactly("no CNY/RUB rate from cbr on or before 2026-03-02");

        assertThat(settle(List.of(sale(), goodsReceived(), rate())).parked()).isEmpty();
    }

    @Test
    void a_freight_bill_after_the_sale_re_derives_the_landed_cost() {
        OrderSettlement before = order(List.of(goodsReceived(), customs(), rate(), sale()));
        assertThat(before.lines().get(0).logisticsCost()).isEqualTo(rub("0.00"));
        assertThat(before.sum(LineSettlement::clientNet)).isEqualTo(rub("1897.19"));
        OrderSettlement after = order(List.of(goodsReceived(), customs(), rate(), sale(), freight()));
        assertThat(after.sum(LineSettlement::clientNet)).isEqualTo(rub("1297.19"));
    }

    @Test
    void the_rate_in_force_is_the_latest_dated_on_or_before_the_sale_date() {
        CanonicalEvent later = event("cbr:CNY:RUB:2026-03-03", EventType.FX_RATE, "cbr", "2026-03-02T09:00:00Z",
                new FxRate("CNY", "RUB", new BigDecimal("13.0000"), LocalDate.of(2026, 3, 3), null));
        CanonicalEvent earlier = event("cbr:CNY:RUB:2026-02-27", EventType.FX_RATE, "cbr", "2026-02-26T09:00:00Z",
                new FxRate("CNY", "RUB", new BigDecimal("12.0000"), LocalDate.of(2026, 2, 27), null));
        OrderSettlement order = order(List.of(goodsReceived(), customs(), freight(), earlier, later, sale()));
        assertThat(order.lines().get(0).goodsCost()).isEqualTo(rub("1200.00"));
    }

    @Test
    void without_an_agreed_vat_rate_the_standard_rate_of_the_sale_date_applies() {
        Agreement noVat = new Agreement(CLIENT, "Acme", new BigDecimal("0.05"), null, "RUB", rub("0.00"),
                Agreement.FxDifferenceBearer.CLIENT, true, "cbr", null);
        CanonicalEvent sale2026 = event("ozon:acme:op:2026", EventType.SALE, "ozon", "2025-12-31T21:30:00Z",
                ((io.settlehub.contract.EventPayload.Sale) sale().payload()));
        CanonicalEvent rate2025 = event("cbr:CNY:RUB:2025-12-31", EventType.FX_RATE, "cbr", "2025-12-30T09:00:00Z",
                new FxRate("CNY", "RUB", new BigDecimal("12.8000"), LocalDate.of(2025, 12, 31), null));
        List<CanonicalEvent> facts = List.of(goodsReceived(), sale2026);
        // 2025-12-31T21:30Z is 2026-01-01 00:30 in Moscow: the 2026 rate of 22 % applies.
        ClientSettlement settlement = SettlementCalculator.settle(noVat, facts, reference(List.of(rate2025)));
        assertThat(settlement.orders().get(0).lines().get(0).commissionVat()).isEqualTo(rub("52.69"));

        CanonicalEvent sale2025 = event("ozon:acme:op:2025", EventType.SALE, "ozon", "2025-12-31T20:30:00Z",
                ((io.settlehub.contract.EventPayload.Sale) sale().payload()));
        // 2025-12-31T20:30Z is 23:30 in Moscow, still 2025: 20 %.
        settlement = SettlementCalculator.settle(noVat, List.of(goodsReceived(), sale2025), reference(List.of(rate2025)));
        assertThat(settlement.orders().get(0).lines().get(0).commissionVat()).isEqualTo(rub("47.90"));
    }
}
