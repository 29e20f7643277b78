package io.settlehub.marketplace.route;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Addresses;
import io.settlehub.marketplace.Fixtures;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The monthly realization report checked against the month's accruals, over WireMock Ozon and the embedded broker. */
class OzonRealizationRouteTest extends MarketplaceRouteTestBase {

    @Test
    void a_report_that_agrees_with_the_accruals_raises_nothing_and_moves_to_the_next_month() throws Exception {
        OZON.stubFor(post("/v2/finance/realization").withRequestBody(equalToJson("{\"month\":3,\"year\":2026}"))
                .willReturn(okJson(Fixtures.ozon("realization-v2-2026-03.json"))));
        trigger(OzonRealizationRoute.ROUTE_ID);
        assertThat(Files.readString(state.resolve("ozon-realization-acme.json"))).contains("\"nextMonth\":\"2026-04\"");
        assertThat(state.resolve("ozon-realization-acme-2026-03.json")).content().contains("R-3281770");
        jms.setReceiveTimeout(500);
        assertThat(jms.receive(Addresses.DISCREPANCIES)).isNull();
    }

    @Test
    void a_unit_the_accruals_do_not_show_is_reported_as_a_discrepancy() throws Exception {
        OZON.stubFor(post("/v2/finance/realization").withRequestBody(equalToJson("{\"month\":3,\"year\":2026}"))
                .willReturn(okJson(Fixtures.ozon("realization-v2-2026-03.json").replace("\"quantity\": 2", "\"quantity\": 3"))));
        trigger(OzonRealizationRoute.ROUTE_ID);
        jms.setReceiveTimeout(5000);
        TextMessage message = (TextMessage) jms.receive(Addresses.DISCREPANCIES);
        assertThat(message).isNotNull();
        assertThat(message.getText()).contains("\"month\":\"2026-03\"").contains("\"article\":\"LAMP-01\"")
                .contains("\"reportedNetUnits\":2").contains("\"accruedNetUnits\":1");
    }

    @Test
    void a_report_not_yet_published_keeps_the_month_for_the_next_look() {
        OZON.stubFor(post("/v2/finance/realization").willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":5,\"message\":\"report not found\"}")));
        trigger(OzonRealizationRoute.ROUTE_ID);
        assertThat(state.resolve("ozon-realization-acme.json")).doesNotExist();
    }
}
