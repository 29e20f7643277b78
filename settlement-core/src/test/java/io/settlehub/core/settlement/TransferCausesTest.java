package io.settlehub.core.settlement;

import static io.settlehub.core.settlement.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferCausesTest {

    @Test
    void each_component_is_booked_to_the_event_of_its_own_order_charge_or_payout() {
        CanonicalEvent storage = event("wildberries:acme:storage:7", EventType.MARKETPLACE_CHARGE, "wildberries", "2026-03-03T08:00:00Z",
                new MarketplaceCharge("storage", rub("50.00"), null));
        TransferCauses causes = TransferCauses.of(List.of(goodsReceived(), sale(), hold(), payout(), storage), "batch …");

        assertThat(causes.apply("order/ozon/" + ORDER + "/pending")).isEqualTo(sale().eventId());
        assertThat(causes.apply("order/ozon/" + ORDER + "/goods/shenzhen-lights")).isEqualTo(sale().eventId());
        assertThat(causes.apply(SettlementPostings.chargeKey(storage.eventId()))).isEqualTo(storage.eventId());
        assertThat(causes.apply(SettlementPostings.payoutKey("ozon", "P-1"))).isEqualTo(payout().eventId());
        // an order no fact of the batch names moved because of something else (a rate): the batch's cause
        assertThat(causes.apply("order/ozon/OTHER-1/pending")).isEqualTo("batch …");
        assertThat(TransferCauses.always("agreement/acme").apply("order/ozon/" + ORDER + "/pending")).isEqualTo("agreement/acme");
    }
}
