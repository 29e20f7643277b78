package io.settlehub.marketplace.mapping;

import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.connector.support.MappingResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PayoutOrder;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.marketplace.Fixtures;
import io.settlehub.marketplace.partner.wildberries.ReportRow;
import io.settlehub.marketplace.partner.wildberries.ReportRowReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation kind of the fixture report, in both of Wildberries' formats. */
class WildberriesRowMapperTest {

    static List<ReportRow> rows(ReportRowReader reader, String fixture) throws Exception {
        List<ReportRow> rows = new ArrayList<>();
        for (JsonNode node : EventCodec.mapper().readTree(Fixtures.wildberries(fixture))) {
            rows.add(reader.read(node));
        }
        return rows;
    }

    static MappingResult map(ReportRow row) {
        return WildberriesRowMapper.map("acme", row);
    }

    static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    @Test
    void a_sale_nets_to_what_wb_pays_for_it() throws Exception {
        ReportRow row = rows(ReportRowReader.STATISTICS, "report-statistics-page-1.json").get(0);
        CanonicalEvent event = map(row).events().get(0);
        assertThat(event.eventId()).isEqualTo("wildberries:acme:rrd:1884410001");
        assertThat(event.type()).isEqualTo(EventType.SALE);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-03T08:20:05Z")); // 11:20:05 in Moscow
        Sale sale = (Sale) event.payload();
        assertThat(sale.orderId()).isEqualTo("9f1a6c2e3b7d4e0fa1b2c3d4e5f60718");
        SaleLine line = sale.lines().get(0);
        // listed 2,490.00, sold for 2,200.00: discount 290.00; WB's reward 330.00 + VAT 72.60, acquiring 33.00
        assertThat(List.of(line.sku(), line.quantity(), line.unitPrice(), line.discount(), line.customsDeclaration()))
                .containsExactly("LAMP-01", 1, rub("2490.00"), rub("290.00"), "10702010/150226/0012345");
        assertThat(line.marketplaceFees()).extracting(Fee::kind, Fee::amount)
                .containsExactly(tuple("commission", rub("402.60")), tuple("acquiring", rub("33.00")));
        Money net = rub("2200.00").minus(line.marketplaceFees().stream().map(Fee::amount).reduce(Money::plus).orElseThrow());
        assertThat(net).as("marketplace net = ppvz_for_pay").isEqualTo(rub("1764.40"));
    }

    @Test
    void a_sale_of_two_with_a_negative_pickup_point_reward_still_nets_to_ppvz_for_pay() throws Exception {
        SaleLine line = ((Sale) map(rows(ReportRowReader.STATISTICS, "report-statistics-page-2.json").get(0)).events().get(0)
                .payload()).lines().get(0);
        assertThat(List.of(line.sku(), line.quantity(), line.unitPrice(), line.discount()))
                .containsExactly("KETTLE-3", 2, rub("3290.00"), rub("400.00"));
        assertThat(line.marketplaceFees()).extracting(Fee::kind, Fee::amount).containsExactly(tuple("commission", rub("1104.10")),
                tuple("acquiring", rub("92.70")), tuple("pickup point reward", rub("-33.40")));
    }

    @Test
    void a_return_refunds_retail_amount_and_wb_takes_back_ppvz_for_pay() throws Exception {
        Return ret = (Return) map(rows(ReportRowReader.STATISTICS, "report-statistics-page-1.json").get(1)).events().get(0).payload();
        assertThat(List.of(ret.orderId(), ret.sku(), ret.quantity(), ret.refund(), ret.marketplaceFeesReversed(), ret.returnLogisticsCost()))
                .containsExactly("7c3b9d21f0e84a6b9d7e1f2a3b4c5d6e", "LAMP-01", 1, rub("2150.00"), rub("425.50"), rub("0.00"));
    }

    @Test
    void service_rows_become_charges_and_what_wb_pays_back_is_negative() throws Exception {
        List<ReportRow> rows = rows(ReportRowReader.STATISTICS, "report-statistics-page-1.json");
        List<Object> charges = new ArrayList<>();
        for (ReportRow row : rows.subList(2, 11)) {
            for (CanonicalEvent event : map(row).events()) {
                MarketplaceCharge charge = (MarketplaceCharge) event.payload();
                charges.add(tuple(charge.kind(), charge.amount(), charge.orderId()));
            }
        }
        assertThat(charges).containsExactly(
                tuple("logistics", rub("87.50"), null),
                tuple("logistics", rub("-87.50"), null),
                tuple("storage", rub("412.37"), null),
                tuple("penalty", rub("500.00"), null),
                tuple("deduction", rub("1500.00"), null),
                tuple("acceptance", rub("120.00"), null),
                tuple("compensation for lost goods", rub("-1890.00"), null),
                tuple("transport reimbursement", rub("64.20"), null),
                tuple("loyalty discount compensation", rub("-45.60"), null));
    }

    @Test
    void an_unknown_operation_is_kept_unmapped_with_its_name() throws Exception {
        MappingResult result = map(rows(ReportRowReader.STATISTICS, "report-statistics-page-1.json").get(11));
        assertThat(result.events()).isEmpty();
        assertThat(result.unmapped()).extracting(UnmappedRecord::recordId, UnmappedRecord::reason).containsExactly(tuple(
                "wildberries:acme:rrd:1884410012", "unknown Wildberries operation 'Перевыставление сервисного сбора' (supplier_oper_name)"));
        assertThat(result.unmapped().get(0).json()).contains("\"rrd_id\":1884410012");
    }

    @Test
    void a_row_without_the_amount_its_kind_needs_names_the_row_and_the_field() throws Exception {
        JsonNode node = EventCodec.mapper().readTree(Fixtures.wildberries("report-statistics-page-1.json")).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("ppvz_for_pay");
        MappingResult result = map(ReportRowReader.STATISTICS.read(node));
        assertThat(result.unmapped()).extracting(UnmappedRecord::reason)
                .containsExactly("row rrd_id 1884410001 (Продажа): ppvz_for_pay is missing");
    }

    @Test
    void the_finance_api_rows_map_to_the_very_same_events() throws Exception {
        for (String page : List.of("page-1", "page-2")) {
            List<ReportRow> statistics = rows(ReportRowReader.STATISTICS, "report-statistics-" + page + ".json");
            List<ReportRow> finance = rows(ReportRowReader.FINANCE, "report-finance-" + page + ".json");
            for (int i = 0; i < statistics.size(); i++) {
                assertThat(map(finance.get(i)).events()).isEqualTo(map(statistics.get(i)).events());
                assertThat(map(finance.get(i)).unmapped().size()).isEqualTo(map(statistics.get(i)).unmapped().size());
            }
        }
    }

    @Test
    void each_report_is_paid_as_one_payout_of_its_sales() throws Exception {
        WildberriesReportPayouts payouts = new WildberriesReportPayouts("acme");
        List<ReportRow> rows = new ArrayList<>(rows(ReportRowReader.STATISTICS, "report-statistics-page-1.json"));
        rows.addAll(rows(ReportRowReader.STATISTICS, "report-statistics-page-2.json"));
        for (ReportRow row : rows) {
            map(row).events().stream().filter(e -> e.type() == EventType.SALE).forEach(e -> payouts.sold(row, e));
        }
        CanonicalEvent payout = payouts.payouts().get(0);
        assertThat(payout.eventId()).isEqualTo("wildberries:acme:report:310284561:payout");
        assertThat(payout.occurredAt()).isEqualTo(Instant.parse("2026-03-08T21:00:00Z"));
        MarketplacePayout body = (MarketplacePayout) payout.payload();
        assertThat(body.amount()).isEqualTo(rub("6781.00")); // 1,764.40 + 5,016.60
        assertThat(body.orders()).extracting(PayoutOrder::orderId, PayoutOrder::amount).containsExactly(
                tuple("9f1a6c2e3b7d4e0fa1b2c3d4e5f60718", rub("1764.40")), tuple("b2c3d4e5f60718293a4b5c6d7e8f9012", rub("5016.60")));
    }

    @Test
    void a_sale_row_carrying_charges_books_each_and_names_the_amount_it_cannot_book() throws Exception {
        // the amounts of WB's documented example "Продажа" row: 20,098.99 beside the sale, 1.349 of it in tenths of a kopeck
        MappingResult result = map(rows(ReportRowReader.STATISTICS, "report-statistics-sale-with-charges.json").get(0));
        assertThat(result.events()).extracting(CanonicalEvent::eventId, CanonicalEvent::type).containsExactly(
                tuple("wildberries:acme:rrd:1884410101", EventType.SALE),
                tuple("wildberries:acme:rrd:1884410101:penalty", EventType.MARKETPLACE_CHARGE),
                tuple("wildberries:acme:rrd:1884410101:storage_fee", EventType.MARKETPLACE_CHARGE),
                tuple("wildberries:acme:rrd:1884410101:deduction", EventType.MARKETPLACE_CHARGE),
                tuple("wildberries:acme:rrd:1884410101:acceptance", EventType.MARKETPLACE_CHARGE));
        assertThat(result.events().subList(1, 5)).extracting(e -> ((MarketplaceCharge) e.payload()).kind(),
                e -> ((MarketplaceCharge) e.payload()).amount()).containsExactly(
                tuple("penalty", rub("231.35")), tuple("storage", rub("12647.29")), tuple("deduction", rub("6354.00")),
                tuple("acceptance", rub("865.00")));
        assertThat(result.events().get(1).occurredAt()).isEqualTo(Instant.parse("2026-03-02T21:00:00Z")); // rr_dt 2026-03-03, Moscow
        assertThat(result.unmapped()).extracting(UnmappedRecord::recordId, UnmappedRecord::field, UnmappedRecord::amount)
                .containsExactly(tuple("wildberries:acme:rrd:1884410101:rebill_logistic_cost", "rebill_logistic_cost", "1.349"));
        assertThat(result.unmapped().get(0).reason()).isEqualTo("row rrd_id 1884410101 (Продажа): rebill_logistic_cost 1.349 cannot be"
                + " booked: amount 1.349 has more decimals than RUB allows (2)");
    }

    @Test
    void a_charge_row_whose_amount_the_currency_cannot_hold_is_unmapped_naming_the_field() throws Exception {
        JsonNode node = EventCodec.mapper().readTree(Fixtures.wildberries("report-statistics-page-1.json")).get(9);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("rebill_logistic_cost", new java.math.BigDecimal("64.205"));
        MappingResult result = map(ReportRowReader.STATISTICS.read(node));
        assertThat(result.events()).isEmpty();
        assertThat(result.unmapped()).extracting(UnmappedRecord::reason).containsExactly("row rrd_id 1884410010 (Возмещение издержек по"
                + " перевозке/по складским операциям с товаром): rebill_logistic_cost cannot be booked: amount 64.205 has more decimals"
                + " than RUB allows (2)");
    }
}
