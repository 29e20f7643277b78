package io.settlehub.core.settlement;

import static io.settlehub.core.settlement.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PayoutOrder;
import io.settlehub.contract.EventPayload.PriceAdjusted;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventType;
import io.settlehub.core.settlement.Discrepancies.Discrepancy;
import io.settlehub.core.settlement.Discrepancies.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of docs/settlement-rules.md, each on a hand-computed example. */
class SettlementRulesTest {

    static List<CanonicalEvent> with(List<CanonicalEvent> base, CanonicalEvent... more) {
        List<CanonicalEvent> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    static final List<CanonicalEvent> SOLD = List.of(goodsReceived(), customs(), freight(), rate(), sale());

    @Test
    void a_partial_payout_makes_its_share_of_each_line_available() {
        // Ozon pays 1,960.75 of the marketplace net 3,921.50 (half): available = r(1,297.19 × 1,960.75 / 3,921.50) = 648.60
        CanonicalEvent half = event("ozon:acme:payout:half", EventType.MARKETPLACE_PAYOUT, "ozon", "2026-03-10T10:00:00Z",
                new MarketplacePayout("half", rub("1960.75"), List.of(new PayoutOrder(ORDER, rub("1960.75")))));
        OrderSettlement order = settle(with(SOLD, half)).order(ORDER).orElseThrow();
        assertThat(order.sum(LineSettlement::available)).isEqualTo(rub("648.60"));
        assertThat(order.sum(LineSettlement::pending)).isEqualTo(rub("648.59"));
    }

    @Test
    void a_payout_without_orders_goes_to_the_oldest_unpaid_order_and_the_rest_is_a_discrepancy() {
        CanonicalEvent payout = event("ozon:acme:payout:bulk", EventType.MARKETPLACE_PAYOUT, "ozon", "2026-03-16T10:00:00Z",
                new MarketplacePayout("bulk", rub("4000.00"), List.of()));
        ClientSettlement settlement = settle(with(SOLD, payout));
        OrderSettlement order = settlement.order(ORDER).orElseThrow();
        assertThat(order.marketplacePaid()).isEqualTo(rub("3921.50"));
        assertThat(order.sum(LineSettlement::available)).isEqualTo(rub("1297.19"));
        assertThat(Discrepancies.of(settlement)).containsExactly(new Discrepancy("acme", "ozon", Kind.PAYOUT_NOT_MATCHED,
                "payout bulk", rub("78.50"), "78.50 RUB of the payout of 4000.00 RUB matched no open order"));
    }

    @Test
    void after_a_return_the_marketplace_claws_back_what_it_paid_beyond_the_order() {
        ClientSettlement settlement = settle(with(untilPayout(), returnOfOneLamp()));
        assertThat(Discrepancies.of(settlement)).extracting(Discrepancy::kind, Discrepancy::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PAID_BEYOND_ORDER, rub("1371.45")));
    }

    @Test
    void a_price_adjustment_moves_the_gross_and_the_commission_follows() {
        // gross 4,790.00 − 100.00 = 4,690.00; commission r(4,690.00 × 5 %) = 234.50; its VAT r(234.50 × 22 %) = 51.59
        CanonicalEvent cut = event("ozon:acme:adj:1", EventType.PRICE_ADJUSTED, "ozon", "2026-03-05T10:00:00Z",
                new PriceAdjusted(ORDER, "LAMP-01", rub("-100.00"), "promotion re-priced"));
        LineSettlement line = settle(with(SOLD, cut)).order(ORDER).orElseThrow().lines().get(0);
        assertThat(line.gross()).isEqualTo(rub("4690.00"));
        assertThat(line.serviceCommission()).isEqualTo(rub("234.50"));
        assertThat(line.commissionVat()).isEqualTo(rub("51.59"));
        assertThat(line.clientNet()).isEqualTo(rub("1203.29")); // 3,821.50 − 234.50 − 51.59 − 2,332.12
    }

    @Test
    void the_commission_is_kept_on_a_return() {
        LineSettlement line = settle(with(SOLD, returnOfOneLamp())).order(ORDER).orElseThrow().lines().get(0);
        assertThat(line.serviceCommission()).isEqualTo(rub("239.50"));
        assertThat(line.quantity()).isEqualTo(1);
        assertThat(line.landedCost()).isEqualTo(rub("1166.06"));
    }

    @Test
    void a_late_fee_for_an_order_lowers_its_marketplace_net_and_a_charge_without_order_lowers_available() {
        CanonicalEvent lateFee = event("ozon:acme:fee:late", EventType.MARKETPLACE_CHARGE, "ozon", "2026-04-10T10:00:00Z",
                new MarketplaceCharge("acquiring", rub("21.50"), ORDER));
        CanonicalEvent storage = event("ozon:acme:storage", EventType.MARKETPLACE_CHARGE, "ozon", "2026-04-10T10:00:00Z",
                new MarketplaceCharge("storage", rub("55.10"), null));
        ClientSettlement settlement = settle(with(SOLD, lateFee, storage));
        OrderSettlement order = settlement.order(ORDER).orElseThrow();
        assertThat(order.marketplaceNet()).isEqualTo(rub("3900.00"));
        assertThat(order.sum(LineSettlement::clientNet)).isEqualTo(rub("1275.69"));
        assertThat(settlement.charges()).extracting(ClientSettlement.Charge::amount).containsExactly(rub("55.10"));
    }

    @Test
    void the_waterfall_shows_where_the_gross_and_the_fees_come_from() {
        CanonicalEvent cut = event("ozon:acme:adj:1", EventType.PRICE_ADJUSTED, "ozon", "2026-03-05T10:00:00Z",
                new PriceAdjusted(ORDER, "LAMP-01", rub("-100.00"), "promotion re-priced"));
        CanonicalEvent lateFee = event("ozon:acme:fee:late", EventType.MARKETPLACE_CHARGE, "ozon", "2026-04-10T10:00:00Z",
                new MarketplaceCharge("acquiring", rub("21.50"), ORDER));
        LineSettlement line = settle(with(SOLD, cut, returnOfOneLamp(), lateFee)).order(ORDER).orElseThrow().lines().get(0);
        LineSettlement.Waterfall w = line.waterfall();
        // gross: 4,790.00 sold − 100.00 re-priced − 2,395.00 refunded = 2,295.00
        assertThat(List.of(w.saleGross(), w.adjustments(), w.refunds(), line.gross()))
                .containsExactly(rub("4790.00"), rub("-100.00"), rub("2395.00"), rub("2295.00"));
        // fees: 868.50 at sale − 359.25 reversed + 120.00 return logistics + 21.50 late = 650.75
        assertThat(List.of(w.saleFees(), w.feesReversed(), w.returnLogistics(), w.orderCharges(), line.marketplaceFees()))
                .containsExactly(rub("868.50"), rub("359.25"), rub("120.00"), rub("21.50"), rub("650.75"));
        assertThat(line.quantity()).isEqualTo(1);
        assertThat(line.returned()).isEqualTo(1);
        assertThat(line.eventIds()).contains("ozon:acme:adj:1", "ozon:acme:fee:late", returnOfOneLamp().eventId());
    }

    @Test
    void a_sale_that_names_its_customs_declaration_takes_the_units_of_that_declarations_receipt_first() {
        // a second, newer lot R-2: 100 lamps at 40.00 CNY, cleared under declaration D-2 (duty 5,000.00, VAT 12,100.00, fees 1,231.00)
        CanonicalEvent secondReceipt = event("1c:acme:receipt:R-2", EventType.GOODS_RECEIVED, "accounting", "2026-02-10T08:00:00Z",
                new io.settlehub.contract.EventPayload.GoodsReceived("R-2", "shenzhen-lights", List.of(
                        new io.settlehub.contract.EventPayload.ReceiptLine("LAMP-01", 100, io.settlehub.contract.Money.of("40.00", "CNY")))));
        CanonicalEvent secondDeclaration = event("customs:acme:D-2", EventType.CUSTOMS_ASSESSED, "customs", "2026-02-11T08:00:00Z",
                new io.settlehub.contract.EventPayload.CustomsAssessed("D-2", "R-2", List.of(new io.settlehub.contract.EventPayload.CustomsLine(
                        "LAMP-01", 100, rub("50000.00"), rub("5000.00"), rub("12100.00"), rub("1231.00"))), null));
        io.settlehub.contract.EventPayload.Sale sold = (io.settlehub.contract.EventPayload.Sale) sale().payload();
        io.settlehub.contract.EventPayload.SaleLine line = sold.lines().get(0);
        CanonicalEvent declaredSale = event(sale().eventId(), EventType.SALE, "wildberries", "2026-03-02T09:15:00Z",
                new io.settlehub.contract.EventPayload.Sale(ORDER, List.of(new io.settlehub.contract.EventPayload.SaleLine(line.sku(),
                        line.quantity(), line.unitPrice(), line.discount(), line.marketplaceFees(), "D-2"))));
        List<CanonicalEvent> facts = List.of(goodsReceived(), customs(), freight(), rate(), secondReceipt, secondDeclaration);

        LineSettlement fifo = settle(with(facts, sale())).order(ORDER).orElseThrow().lines().get(0);
        assertThat(fifo.lots()).extracting(LineSettlement.LotUse::receiptId).containsExactly("R-1");
        assertThat(fifo.goodsCost()).isEqualTo(rub("1280.00"));

        LineSettlement declared = settle(with(facts, declaredSale)).order(ORDER).orElseThrow().lines().get(0);
        assertThat(declared.lots()).extracting(LineSettlement.LotUse::receiptId).containsExactly("R-2");
        // goods r(2 × 40.00 × 12.8000) = 1,024.00; customs r(2 × (5,000 + 12,100 + 1,231) / 100) = 366.62; no freight billed for R-2
        assertThat(List.of(declared.goodsCost(), declared.customsCost(), declared.logisticsCost()))
                .containsExactly(rub("1024.00"), rub("366.62"), rub("0.00"));
    }

    @Test
    void a_lot_delivered_in_parts_spreads_each_deliverys_cost_over_all_its_units() {
        // CDEK takes the 100 lamps of R-1 to the marketplace in two deliveries: 40 for 5,400.00 and 60 for 8,100.00
        CanonicalEvent first = event("cdek:acme:1:cost:r1", EventType.SHIPMENT_COST, "cdek", "2026-02-05T08:00:00Z",
                new io.settlehub.contract.EventPayload.ShipmentCost("cdek-1", "R-1", "cdek", rub("5400.00"),
                        List.of(new io.settlehub.contract.EventPayload.SkuQuantity("LAMP-01", 40)), 1));
        CanonicalEvent second = event("cdek:acme:2:cost:r1", EventType.SHIPMENT_COST, "cdek", "2026-02-06T08:00:00Z",
                new io.settlehub.contract.EventPayload.ShipmentCost("cdek-2", "R-1", "cdek", rub("8100.00"),
                        List.of(new io.settlehub.contract.EventPayload.SkuQuantity("LAMP-01", 60)), 1));
        LineSettlement line = settle(with(SOLD, first, second)).order(ORDER).orElseThrow().lines().get(0);
        // per lamp: freight 30,000 / 100 + 5,400 / 100 + 8,100 / 100 = 435.00; two lamps 870.00
        assertThat(line.logisticsCost()).isEqualTo(rub("870.00"));
    }

    static CanonicalEvent credit(String ref, String amount, String bookedAt) {
        return event("bank:STMT:" + ref, EventType.BANK_CREDIT, "bank", bookedAt, new io.settlehub.contract.EventPayload.BankCredit("STMT", ref,
                rub(amount), "7704217370", "ООО «Интернет Решения»", "Перечисление по договору", java.time.Instant.parse(bookedAt)));
    }

    @Test
    void payouts_are_matched_with_the_bank_credits_and_what_stays_open_is_a_discrepancy() {
        // P-1 (3,137.20 on 03-16) reached the bank on 03-17; an unknown 500.00 on 03-18; P-2 (784.30 on 04-02) never did,
        // though the bank has reported credits up to 04-20
        ClientSettlement settlement = settle(with(untilPayout(), holdReleased(), restOfPayout(), credit("1", "3137.20", "2026-03-17T09:00:00Z"),
                credit("2", "500.00", "2026-03-18T09:00:00Z"), credit("3", "120.00", "2026-04-20T09:00:00Z")));
        assertThat(Discrepancies.of(settlement)).extracting(Discrepancy::kind, Discrepancy::reference, Discrepancy::amount).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Kind.CREDIT_MATCHES_NO_PAYOUT, "statement STMT entry 2", rub("500.00")),
                org.assertj.core.groups.Tuple.tuple(Kind.CREDIT_MATCHES_NO_PAYOUT, "statement STMT entry 3", rub("120.00")),
                org.assertj.core.groups.Tuple.tuple(Kind.PAYOUT_NOT_CREDITED, "payout P-2", rub("784.30")));

        // before the bank reported anything ten days past P-2, P-2 is not yet overdue
        ClientSettlement early = settle(with(untilPayout(), holdReleased(), restOfPayout(), credit("1", "3137.20", "2026-03-17T09:00:00Z")));
        assertThat(Discrepancies.of(early)).extracting(Discrepancy::kind).doesNotContain(Kind.PAYOUT_NOT_CREDITED);
    }

    @Test
    void a_released_hold_goes_back_to_pending_until_the_marketplace_pays_it() {
        OrderSettlement order = settle(with(untilPayout(), holdReleased())).order(ORDER).orElseThrow();
        assertThat(order.sum(LineSettlement::held)).isEqualTo(rub("0.00"));
        assertThat(order.sum(LineSettlement::pending)).isEqualTo(rub("259.44"));
        assertThat(order.sum(LineSettlement::available)).isEqualTo(rub("1037.75"));
    }

    @Test
    void suppliers_are_owed_their_currency_for_the_goods_of_orders_paid_in_full() {
        assertThat(SupplierDue.of(settle(untilPayout()))).as("a hold is still outstanding").isEmpty();
        var due = SupplierDue.of(settle(with(untilPayout(), holdReleased(), restOfPayout())));
        assertThat(due).containsOnlyKeys("shenzhen-lights");
        assertThat(due.get("shenzhen-lights").owed()).isEqualTo(io.settlehub.contract.Money.of("100.00", "CNY"));
        assertThat(due.get("shenzhen-lights").charged()).isEqualTo(rub("1280.00"));
        assertThat(due.get("shenzhen-lights").orders()).extracting(SupplierDue.OrderDue::orderId, SupplierDue.OrderDue::charged)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WorkedExample.ORDER, rub("1280.00")));
    }

    @Test
    void a_sale_is_settled_on_the_agreement_version_in_force_on_its_date() {
        Agreement six = new Agreement(CLIENT, "Acme Import", new java.math.BigDecimal("0.06"), new java.math.BigDecimal("0.22"), "RUB",
                rub("1000.00"), Agreement.FxDifferenceBearer.CLIENT, true, "cbr", agreement().bankAccount());
        List<CanonicalEvent> facts = SOLD.stream().filter(e -> e.type() != EventType.FX_RATE).toList();
        AgreementTerms fromTheThird = new AgreementTerms(java.util.Map.of(AgreementTerms.BEGINNING, agreement(),
                java.time.LocalDate.of(2026, 3, 3), six));
        AgreementTerms fromTheSecond = new AgreementTerms(java.util.Map.of(AgreementTerms.BEGINNING, agreement(),
                java.time.LocalDate.of(2026, 3, 2), six));
        // the sale is on 2026-03-02 (Moscow): 5 % before the change, 6 % from it (commission 287.40, VAT 63.23)
        assertThat(SettlementCalculator.settle(fromTheThird, facts, reference(SOLD)).order(ORDER).orElseThrow()
                .sum(LineSettlement::clientNet)).isEqualTo(rub("1297.19"));
        assertThat(SettlementCalculator.settle(fromTheSecond, facts, reference(SOLD)).order(ORDER).orElseThrow()
                .sum(LineSettlement::clientNet)).isEqualTo(rub("1238.75"));
    }

    @Test
    void bad_facts_are_parked_with_the_problem_named() {
        CanonicalEvent tooMany = event("ozon:acme:return:many", EventType.RETURN, "ozon", "2026-03-20T10:00:00Z",
                new Return(ORDER, "LAMP-01", 3, rub("7185.00"), rub("0.00"), rub("0.00")));
        CanonicalEvent unknownSku = event("ozon:acme:adj:sku", EventType.PRICE_ADJUSTED, "ozon", "2026-03-05T10:00:00Z",
                new PriceAdjusted(ORDER, "LAMP-99", rub("-1.00"), "typo"));
        CanonicalEvent inDollars = event("ozon:acme:payout:usd", EventType.MARKETPLACE_PAYOUT, "ozon", "2026-03-16T10:00:00Z",
                new MarketplacePayout("usd", io.settlehub.contract.Money.of("40.00", "USD"),
                        List.of(new PayoutOrder(ORDER, io.settlehub.contract.Money.of("40.00", "USD")))));
        ClientSettlement settlement = settle(with(SOLD, tooMany, unknownSku, inDollars));
        assertThat(settlement.parked()).extracting(Parked::reason).containsExactlyInAnyOrder(
                "order " + ORDER + " has no line of SKU LAMP-01 with 3 units left to return",
                "order " + ORDER + " has no line of SKU LAMP-99",
                "payout for order " + ORDER + " is in USD, the order in RUB");
        assertThat(settlement.order(ORDER).orElseThrow().sum(LineSettlement::clientNet)).isEqualTo(rub("1297.19"));
    }

    @Test
    void every_order_names_the_events_behind_it_and_the_rate_that_priced_its_goods() {
        OrderSettlement order = settle(untilPayout()).order(ORDER).orElseThrow();
        assertThat(order.eventIds()).containsExactly(sale().eventId(), hold().eventId(), payout().eventId());
        assertThat(order.lines().get(0).eventIds()).containsExactly(sale().eventId());
        List<CanonicalEvent> returned = with(untilPayout(), returnOfOneLamp());
        assertThat(settle(returned).order(ORDER).orElseThrow().lines().get(0).eventIds())
                .containsExactly(sale().eventId(), returnOfOneLamp().eventId());
        LineSettlement.LotUse lot = order.lines().get(0).lots().get(0);
        assertThat(lot.receiptId()).isEqualTo("R-1");
        assertThat(lot.rate()).isEqualByComparingTo("12.8");
        assertThat(lot.unitCustoms()).isEqualByComparingTo("226.06");
        assertThat(lot.unitLogistics()).isEqualByComparingTo("300");
    }
}
