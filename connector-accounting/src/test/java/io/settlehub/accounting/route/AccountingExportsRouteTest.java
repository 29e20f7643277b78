package io.settlehub.accounting.route;

import org.junit.jupiter.api.Tag;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.settlehub.accounting.OneCStub.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.MessageHeaders;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** connector-accounting over the embedded broker: documents from hub.accounting.exports into a WireMock 1C. */
@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "spring.artemis.embedded.persistent=false",
        "hub.onec.redelivery-delay=50", "hub.onec.max-redelivery-delay=200", "hub.onec.max-redeliveries=5",
        "resilience4j.retry.instances.onec.wait-duration=10ms", "resilience4j.retry.instances.onec.max-attempts=2"})
@Tag("integration")
class AccountingExportsRouteTest {

    static final WireMockServer ONEC = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static Path state;

    @DynamicPropertySource
    static void onecServer(DynamicPropertyRegistry registry) throws Exception {
        if (!ONEC.isRunning()) {
            ONEC.start();
            state = Files.createTempDirectory("onec-state");
        }
        // a list binds from one property source only: the whole infobase is given here
        registry.add("hub.onec.infobases[0].client-id", () -> "acme");
        registry.add("hub.onec.infobases[0].url", () -> ONEC.baseUrl() + BASE);
        registry.add("hub.onec.infobases[0].user", () -> USER);
        registry.add("hub.onec.infobases[0].password", () -> PASSWORD);
        registry.add("hub.onec.state-dir", state::toString);
    }

    @AfterAll
    static void stop() {
        ONEC.stop();
    }

    @Autowired
    JmsTemplate jms;

    @BeforeEach
    void reset() {
        ONEC.resetAll();
        standard(ONEC);
    }

    void publish(String json) {
        jms.convertAndSend(Addresses.ACCOUNTING_EXPORTS, json);
    }

    @Test
    void a_document_is_pushed_and_posted_once_while_1c_answers_500_for_a_while() {
        String payout = fixture("hub/payout-v1.json");
        String payouts = "Document_ПоступлениеНаРасчетныйСчет";
        String key = "c1a2b3c4-2b3d-11ef-8a57-005056b7c1d1";
        ONEC.stubFor(get(set(payouts)).willReturn(okJson(fixture("1c/empty.json"))));
        ONEC.stubFor(post(set(payouts)).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody(fixture("1c/error-server.json"))).willSetStateTo("still down"));
        ONEC.stubFor(post(set(payouts)).inScenario("down").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        ONEC.stubFor(post(set(payouts)).inScenario("down").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"Ref_Key\": \"" + key + "\", \"Number\": \"0000-000042\", \"Posted\": false}")));
        ONEC.stubFor(post(keyed(payouts, key, "/Post")).willReturn(aResponse().withStatus(200)));

        publish(payout);
        publish(payout);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                ONEC.verify(1, postRequestedFor(keyed(payouts, key, "/Post"))));
        ONEC.verify(3, postRequestedFor(set(payouts)));
        ONEC.verify(postRequestedFor(set(payouts)).withRequestBody(matchingJsonPath("$.НомерВходящегоДокумента",
                equalTo("7f3c2a1e9b8d4c6a"))).withRequestBody(containing("\"СуммаДокумента\":1297.19")));
    }

    @Test
    void a_document_1c_rejects_goes_to_the_dead_letter_queue_with_1cs_error_text() throws Exception {
        ONEC.stubFor(post(set(REPORTS)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("1c/error-invalid.json"))));
        String report = fixture("hub/agent-report-v1.json").replace("acme:2026-03", "acme:2026-02");
        publish(report);

        jms.setReceiveTimeout(15_000);
        Message dead = jms.receive(Addresses.ACCOUNTING_EXPORTS_DLQ);
        assertThat(dead).as("a message on " + Addresses.ACCOUNTING_EXPORTS_DLQ).isNotNull();
        assertThat(dead.getStringProperty(MessageHeaders.FAILURE_REASON)).contains("Поле \"Договор\" не заполнено");
        assertThat(((TextMessage) dead).getText()).isEqualTo(report);
        ONEC.verify(1, postRequestedFor(set(REPORTS)));
    }
}
