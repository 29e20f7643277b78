package io.settlehub.marketplace.mapping;

import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.connector.support.MappingResult;
import static io.settlehub.marketplace.Fixtures.ACME;
import static io.settlehub.marketplace.Fixtures.ozon;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.marketplace.partner.ozon.AccrualByDayResponse;
import io.settlehub.marketplace.partner.ozon.CashFlowStatementResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OzonAccrualMapperTest {

    static final AccrualByDayResponse PAGE_1 = ozon("accruals-2026-03-02-page-1.json", AccrualByDayResponse.class);

    @Test
    void a_delivery_to_the_buyer_becomes_the_worked_examples_sale() {
        MappingResult result = OzonAccrualMapper.map(ACME, "OperationAgentDeliveredToCustomer", PAGE_1.accruals().get(0));
        assertThat(result.unmapped()).isEmpty();
        CanonicalEvent event = result.events().get(0);
        assertThat(event.eventId()).isEqualTo("ozon:acme:accrual:8812341");
        assertThat(event.type()).isEqualTo(EventType.SALE);
        assertThat(event.clientId()).isEqualTo("acme");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
        Sale sale = (Sale) event.payload();
        assertThat(sale.orderId()).isEqualTo("33920474-0032-1");
        SaleLine line = sale.lines().get(0);
        assertThat(line.sku()).isEqualTo("LAMP-01");
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.unitPrice().amount().multiply(java.math.BigDecimal.valueOf(2)).subtract(line.discount().amount()))
                .isEqualByComparingTo("4790.00");
        assertThat(line.marketplaceFees()).containsExactly(
                new Fee("sale_commission", Money.of("718.50", "RUB")),
                new Fee("MarketplaceServiceItemDelivToCustomer", Money.of("150.00", "RUB")));
        // what the connector publishes is a valid canonical event
        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void a_storage_charge_becomes_a_marketplace_charge_without_order() {
        CanonicalEvent event = OzonAccrualMapper.map(ACME, "OperationMarketplaceServiceStorage", PAGE_1.accruals().get(1)).events().get(0);
        assertThat(event.payload()).isEqualTo(new MarketplaceCharge("OperationMarketplaceServiceStorage", Money.of("55.10", "RUB"), null));
    }

    @Test
    void a_buyer_return_becomes_a_return_with_reversed_fees_and_return_logistics() {
        var accrual = ozon("accruals-2026-03-20-return.json", AccrualByDayResponse.class).accruals().get(0);
        CanonicalEvent event = OzonAccrualMapper.map(ACME, "ClientReturnAgentOperation", accrual).events().get(0);
        assertThat(event.eventId()).isEqualTo("ozon:acme:accrual:8830001:LAMP-01");
        assertThat(event.payload()).isEqualTo(new Return("33920474-0032-1", "LAMP-01", 1, Money.of("2395.00", "RUB"),
                Money.of("359.25", "RUB"), Money.of("120.00", "RUB")));
    }

    @Test
    void an_unknown_accrual_type_is_kept_unmapped_with_the_reason_and_the_record() {
        var accrual = ozon("accruals-2026-03-02-page-2.json", AccrualByDayResponse.class).accruals().get(0);
        MappingResult result = OzonAccrualMapper.map(ACME, "RfbsGlobalAgentFee", accrual);
        assertThat(result.events()).isEmpty();
        UnmappedRecord record = result.unmapped().get(0);
        assertThat(record.reason()).isEqualTo("unknown Ozon accrual type RfbsGlobalAgentFee (category other)");
        assertThat(record.json()).contains("\"accrual_id\":\"8812399\"");
        assertThat(record.recordId()).isEqualTo("ozon:acme:accrual:8812399");
    }

    @Test
    void mapping_the_same_record_twice_gives_the_same_event_ids() {
        var accrual = PAGE_1.accruals().get(0);
        assertThat(OzonAccrualMapper.map(ACME, "OperationAgentDeliveredToCustomer", accrual))
                .isEqualTo(OzonAccrualMapper.map(ACME, "OperationAgentDeliveredToCustomer", accrual));
    }

    @Test
    void an_amount_with_more_decimals_than_the_currency_is_unmapped_not_rounded() {
        var accrual = PAGE_1.accruals().get(1);
        var odd = new io.settlehub.marketplace.partner.ozon.Accrual(accrual.accrualId(), accrual.typeId(), "services",
                accrual.accrualDate(), null, null, null, new java.math.BigDecimal("-55.105"), "RUB", null, null);
        MappingResult result = OzonAccrualMapper.map(ACME, "OperationMarketplaceServiceStorage", odd);
        assertThat(result.events()).isEmpty();
        assertThat(result.unmapped().get(0).reason()).contains("more decimals than RUB allows");
    }

    @Test
    void a_payment_in_the_cash_flow_statement_becomes_a_payout_to_oldest_orders_first() {
        var details = ozon("cash-flow-statement.json", CashFlowStatementResponse.class).result().details().get(0);
        CanonicalEvent event = OzonPayoutMapper.map(ACME, details).events().get(0);
        assertThat(event.eventId()).isEqualTo("ozon:acme:payout:80121:0");
        assertThat(event.payload()).isEqualTo(new MarketplacePayout("80121-0", Money.of("3137.20", "RUB"), java.util.List.of()));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-15T23:59:59Z"));
    }
}
