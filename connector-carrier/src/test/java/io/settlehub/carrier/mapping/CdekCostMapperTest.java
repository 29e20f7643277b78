package io.settlehub.carrier.mapping;

import static io.settlehub.carrier.CdekFixtures.ACME;
import static io.settlehub.carrier.CdekFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.ShipmentCost;
import io.settlehub.contract.EventPayload.SkuQuantity;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What CDEK's orders cost the client, as events of its settlement. */
class CdekCostMapperTest {

    static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    @Test
    void a_delivery_to_a_marketplace_warehouse_is_a_shipment_cost_of_its_receipt() {
        assertThat(CdekCostMapper.costFinal(order("order-delivered-to-warehouse.json"))).isTrue();
        CanonicalEvent event = CdekCostMapper.map(ACME, order("order-delivered-to-warehouse.json"), null, 1).events().get(0);
        assertThat(event.eventId()).isEqualTo("cdek:acme:1106543210:cost:r1");
        assertThat(event.type()).isEqualTo(EventType.SHIPMENT_COST);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-12T08:05:00Z"));
        ShipmentCost cost = (ShipmentCost) event.payload();
        assertThat(List.of(cost.shipmentId(), cost.receiptId(), cost.carrier(), cost.amount(), cost.revision()))
                .containsExactly("cdek-1106543210", "R-2026-0917", "cdek", rub("5400.00"), 1);
        assertThat(cost.lines()).containsExactly(new SkuQuantity("LAMP-01", 40));
    }

    @Test
    void a_corrected_total_is_a_new_revision_and_the_same_total_nothing() {
        ShipmentCost revised = (ShipmentCost) CdekCostMapper.map(ACME, order("order-delivered-to-warehouse.json"), new BigDecimal("5300.00"), 2)
                .events().get(0).payload();
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(CdekCostMapper.map(ACME, order("order-delivered-to-warehouse.json"), new BigDecimal("5400.00"), 2).events()).isEmpty();
    }

    @Test
    void a_client_return_is_a_return_logistics_charge_of_its_order_and_a_correction_charges_the_difference() {
        MarketplaceCharge charge = (MarketplaceCharge) CdekCostMapper.map(ACME, order("order-client-return.json"), null, 1).events().get(0).payload();
        assertThat(List.of(charge.kind(), charge.amount(), charge.orderId())).containsExactly("return logistics", rub("320.00"), "33920474-0032-1");
        MarketplaceCharge correction = (MarketplaceCharge) CdekCostMapper.map(ACME, order("order-client-return.json"), new BigDecimal("300.00"), 2)
                .events().get(0).payload();
        assertThat(correction.amount()).isEqualTo(rub("20.00"));
    }

    @Test
    void an_order_in_transit_has_no_final_cost_and_an_unknown_number_is_kept_with_the_reason() {
        assertThat(CdekCostMapper.costFinal(order("order-in-transit.json"))).isFalse();
        MappingResult unknown = CdekCostMapper.map(ACME, order("order-unknown-number.json"), null, 1);
        assertThat(unknown.events()).isEmpty();
        assertThat(unknown.unmapped()).extracting(UnmappedRecord::reason).containsExactly(
                "order 1106543300: its number 'ACME-SAMPLE-7' does not match the receipt pattern (?<receipt>[^/]+)/.* (group 'receipt')");
    }
}
