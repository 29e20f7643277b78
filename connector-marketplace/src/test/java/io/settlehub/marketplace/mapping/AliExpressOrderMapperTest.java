package io.settlehub.marketplace.mapping;

import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.connector.support.MappingResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.HoldPlaced;
import io.settlehub.contract.EventPayload.HoldReleased;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PriceAdjusted;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.marketplace.Fixtures;
import io.settlehub.marketplace.partner.aliexpress.OrderListResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each stage an AliExpress order reaches, from the fixture pages. */
class AliExpressOrderMapperTest {

    static final ZoneId PLATFORM = ZoneId.of("Asia/Shanghai");

    static List<OrderListResponse.Order> orders(String page) throws Exception {
        return EventCodec.mapper().readValue(Fixtures.aliexpress(page), OrderListResponse.class).response().result().targetList().orders();
    }

    static MappingResult map(String page, int index) throws Exception {
        return AliExpressOrderMapper.map("acme", orders(page).get(index), PLATFORM);
    }

    static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    @Test
    void a_finished_order_is_sold_held_in_escrow_then_released_and_paid() throws Exception {
        List<CanonicalEvent> events = map("orders-page-1.json", 0).events();
        assertThat(events).extracting(CanonicalEvent::eventId).containsExactly("aliexpress:acme:8191234567001:sale",
                "aliexpress:acme:8191234567001:hold", "aliexpress:acme:8191234567001:release", "aliexpress:acme:8191234567001:payout");
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-03T02:00:00Z")); // 10:00 in Beijing
        SaleLine line = ((Sale) events.get(0).payload()).lines().get(0);
        assertThat(List.of(line.sku(), line.quantity(), line.unitPrice(), line.discount()))
                .containsExactly("LAMP-01", 1, rub("2590.00"), rub("200.00"));
        assertThat(line.marketplaceFees()).extracting(Fee::kind, Fee::amount)
                .containsExactly(tuple("commission", rub("191.20")), tuple("affiliate", rub("71.70")));
        // net 2,390.00 − 262.90 = 2,127.10: held at payment, released and paid when the buyer confirmed
        assertThat(((HoldPlaced) events.get(1).payload()).amount()).isEqualTo(rub("2127.10"));
        assertThat(((HoldReleased) events.get(2).payload()).amount()).isEqualTo(rub("2127.10"));
        MarketplacePayout payout = (MarketplacePayout) events.get(3).payload();
        assertThat(List.of(payout.payoutId(), payout.amount(), payout.orders().get(0).amount()))
                .containsExactly("ae-8191234567001", rub("2127.10"), rub("2127.10"));
    }

    @Test
    void an_order_awaiting_the_buyer_is_sold_and_held_with_its_fees_split_over_the_lines() throws Exception {
        List<CanonicalEvent> events = map("orders-page-1.json", 1).events();
        assertThat(events).extracting(CanonicalEvent::type).containsExactly(EventType.SALE, EventType.HOLD_PLACED);
        List<SaleLine> lines = ((Sale) events.get(0).payload()).lines();
        // escrow fee 679.20 split by 5,000.00 and 3,490.00: 400.00 and 279.20
        assertThat(lines).extracting(SaleLine::sku, l -> l.marketplaceFees().get(0).amount())
                .containsExactly(tuple("LAMP-01", rub("400.00")), tuple("KETTLE-3", rub("279.20")));
        assertThat(((HoldPlaced) events.get(1).payload()).amount()).isEqualTo(rub("7810.80"));
    }

    @Test
    void a_partial_refund_lowers_the_gross_and_leaves_the_escrow_and_the_rest_is_paid() throws Exception {
        List<CanonicalEvent> events = map("orders-page-1.json", 2).events();
        assertThat(events).extracting(CanonicalEvent::type).containsExactly(EventType.SALE, EventType.HOLD_PLACED,
                EventType.PRICE_ADJUSTED, EventType.HOLD_RELEASED, EventType.HOLD_RELEASED, EventType.MARKETPLACE_PAYOUT);
        assertThat(((PriceAdjusted) events.get(2).payload()).delta()).isEqualTo(rub("-500.00"));
        assertThat(((HoldReleased) events.get(3).payload()).amount()).isEqualTo(rub("500.00"));
        // net 2,490.00 − 199.20 = 2,290.80, less the 500.00 refunded: 1,790.80 released and paid
        assertThat(((MarketplacePayout) events.get(5).payload()).amount()).isEqualTo(rub("1790.80"));
    }

    @Test
    void a_full_refund_returns_every_line_with_its_fees_and_pays_nothing() throws Exception {
        List<CanonicalEvent> events = map("orders-page-2.json", 0).events();
        assertThat(events).extracting(CanonicalEvent::type).containsExactly(EventType.SALE, EventType.HOLD_PLACED, EventType.RETURN);
        Return ret = (Return) events.get(2).payload();
        assertThat(List.of(ret.quantity(), ret.refund(), ret.marketplaceFeesReversed())).containsExactly(1, rub("2390.00"), rub("191.20"));
    }

    @Test
    void an_unpaid_order_is_nothing_yet_and_a_product_without_sku_is_kept_unmapped_with_the_reason() throws Exception {
        assertThat(map("orders-page-2.json", 1).events()).isEmpty();
        assertThat(map("orders-page-2.json", 1).unmapped()).isEmpty();
        MappingResult noSku = map("orders-page-2.json", 2);
        assertThat(noSku.events()).isEmpty();
        assertThat(noSku.unmapped()).extracting(UnmappedRecord::reason).containsExactly(
                "order 8191234567006 cannot be mapped: product 1005006512345009 has no sku_code (the seller's SKU)");
    }
}
