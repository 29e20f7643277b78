package io.settlehub.marketplace.route;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.marketplace.Fixtures;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

/**
 * The Ozon poll route end to end inside the service: WireMock Ozon in, the embedded broker out. The timer is
 * replaced by a direct endpoint so each test polls exactly when it says.
 */
@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "spring.artemis.embedded.persistent=false", "hub.ozon.start-date=2026-03-02", "hub.ozon.max-days-per-poll=1",
        "hub.ozon.accounts[0].client-id=acme", "hub.ozon.accounts[0].seller-id=100001",
        "hub.ozon.accounts[0].api-key=test-api-key-acme", "resilience4j.retry.instances.ozon.wait-duration=10ms"})
class OzonPollRouteTest {

    static final WireMockServer OZON = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static Path state;

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JmsTemplate jms;
    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void ozon(DynamicPropertyRegistry registry) throws Exception {
        OZON.start();
        state = Files.createTempDirectory("ozon-state");
        registry.add("hub.ozon.api-url", OZON::baseUrl);
        registry.add("hub.ozon.state-dir", state::toString);
    }

    @AfterAll
    static void stop() {
        OZON.stop();
    }

    @BeforeEach
    void stubs() throws Exception {
        if (camel.getRoute(OzonPollRoute.ROUTE_ID).getEndpoint().getEndpointUri().startsWith("timer")) {
            AdviceWith.adviceWith(camel, OzonPollRoute.ROUTE_ID, a -> a.replaceFromWith("direct:poll-now"));
        }
        OZON.resetAll();
        Fixtures.stubOzonMarch(OZON);
    }

    List<Message> drain(String queue) {
        jms.setReceiveTimeout(1000);
        List<Message> messages = new ArrayList<>();
        Message message;
        while ((message = jms.receive(queue)) != null) {
            messages.add(message);
        }
        return messages;
    }

    @Test
    void a_poll_publishes_canonical_events_keeps_unknown_records_and_a_repoll_publishes_nothing_twice() throws Exception {
        producer.sendBody("direct:poll-now", null);

        List<Message> events = drain(Addresses.EVENTS);
        List<CanonicalEvent> decoded = new ArrayList<>();
        for (Message message : events) {
            decoded.add(EventCodec.decode(((TextMessage) message).getText()));
        }
        assertThat(decoded).extracting(CanonicalEvent::type)
                .containsExactlyInAnyOrder(EventType.SALE, EventType.MARKETPLACE_CHARGE, EventType.MARKETPLACE_PAYOUT);
        Message sale = events.get(decoded.indexOf(decoded.stream().filter(e -> e.type() == EventType.SALE).findFirst().orElseThrow()));
        assertThat(sale.getStringProperty(MessageHeaders.EVENT_TYPE)).isEqualTo("SALE");
        assertThat(sale.getStringProperty(MessageHeaders.SOURCE)).isEqualTo("ozon");
        assertThat(sale.getStringProperty("JMSXGroupID")).isEqualTo("acme");

        List<Message> unmapped = drain(Addresses.UNMAPPED);
        assertThat(unmapped).hasSize(1);
        assertThat(unmapped.get(0).getStringProperty(MessageHeaders.FAILURE_REASON))
                .isEqualTo("unknown Ozon accrual type RfbsGlobalAgentFee (category other)");

        assertThat(Files.readString(state.resolve("ozon-acme.json")))
                .contains("\"accrualDate\":\"2026-03-03\"").contains("\"payoutsFrom\":\"2026-03-02\"");

        // Start over from the same window (a lost watermark): the broker drops every repeat by its eventId.
        Files.delete(state.resolve("ozon-acme.json"));
        producer.sendBody("direct:poll-now", null);
        assertThat(drain(Addresses.EVENTS)).isEmpty();
        assertThat(Collections.list(Collections.enumeration(drain(Addresses.UNMAPPED)))).isEmpty();
    }

    @Test
    void an_outage_keeps_the_watermark_and_the_next_poll_catches_up() throws Exception {
        Path watermark = state.resolve("ozon-acme.json");
        Files.deleteIfExists(watermark);
        OZON.stubFor(post("/v1/finance/accrual/by-day").atPriority(1).willReturn(aResponse().withStatus(502)));
        producer.sendBody("direct:poll-now", null);
        assertThat(watermark).doesNotExist();
        OZON.resetAll();
        stubs();
        // the outage opened the circuit; once its open-state wait is over, the next poll catches up
        breakers.circuitBreaker("ozon").reset();
        producer.sendBody("direct:poll-now", null);
        assertThat(watermark).exists();
    }
}
