package io.settlehub.marketplace.route;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.settlehub.contract.Addresses;
import io.settlehub.marketplace.Fixtures;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The monthly realization report checked against the month's accruals, over WireMock Ozon and the embedded broker. */
@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "spring.artemis.embedded.persistent=false", "hub.ozon.start-date=2026-03-01",
        "hub.ozon.accounts[0].client-id=acme", "hub.ozon.accounts[0].seller-id=100001",
        "hub.ozon.accounts[0].api-key=test-api-key-acme", "hub.ozon.accounts[0].sku-map.1588324790=LAMP-01"})
class OzonRealizationRouteTest {

    static final WireMockServer OZON = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static Path state;

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JmsTemplate jms;

    @DynamicPropertySource
    static void ozon(DynamicPropertyRegistry registry) throws Exception {
        OZON.start();
        state = Files.createTempDirectory("ozon-realization");
        registry.add("hub.ozon.api-url", OZON::baseUrl);
        registry.add("hub.ozon.state-dir", state::toString);
    }

    @AfterAll
    static void stop() {
        OZON.stop();
    }

    @BeforeEach
    void stubs() throws Exception {
        for (String id : new String[] {OzonRealizationRoute.ROUTE_ID, OzonPollRoute.ROUTE_ID}) {
            if (camel.getRoute(id).getEndpoint().getEndpointUri().startsWith("timer")) {
                AdviceWith.adviceWith(camel, id, a -> a.replaceFromWith("direct:" + id + "-now"));
            }
        }
        Files.deleteIfExists(state.resolve("ozon-realization-acme.json"));
        OZON.resetAll();
        Fixtures.stubOzonMarch(OZON);
    }

    void checkNow() {
        producer.sendBody("direct:" + OzonRealizationRoute.ROUTE_ID + "-now", null);
    }

    @Test
    void a_report_that_agrees_with_the_accruals_raises_nothing_and_moves_to_the_next_month() throws Exception {
        OZON.stubFor(post("/v1/finance/realization").withRequestBody(equalToJson("{\"date\":\"2026-03\"}"))
                .willReturn(okJson(Fixtures.ozon("realization-2026-03.json"))));
        checkNow();
        assertThat(Files.readString(state.resolve("ozon-realization-acme.json"))).contains("\"nextMonth\":\"2026-04\"");
        assertThat(state.resolve("ozon-realization-acme-2026-03.json")).content().contains("R-3281770");
        jms.setReceiveTimeout(500);
        assertThat(jms.receive(Addresses.DISCREPANCIES)).isNull();
    }

    @Test
    void a_unit_the_accruals_do_not_show_is_reported_as_a_discrepancy() throws Exception {
        OZON.stubFor(post("/v1/finance/realization").withRequestBody(equalToJson("{\"date\":\"2026-03\"}"))
                .willReturn(okJson(Fixtures.ozon("realization-2026-03.json").replace("\"sale_qty\": 2", "\"sale_qty\": 3"))));
        checkNow();
        jms.setReceiveTimeout(5000);
        TextMessage message = (TextMessage) jms.receive(Addresses.DISCREPANCIES);
        assertThat(message).isNotNull();
        assertThat(message.getText()).contains("\"month\":\"2026-03\"").contains("\"article\":\"LAMP-01\"")
                .contains("\"reportedNetUnits\":2").contains("\"accruedNetUnits\":1");
    }

    @Test
    void a_report_not_yet_published_keeps_the_month_for_the_next_look() {
        OZON.stubFor(post("/v1/finance/realization").willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":5,\"message\":\"report not found\"}")));
        checkNow();
        assertThat(state.resolve("ozon-realization-acme.json")).doesNotExist();
    }
}
