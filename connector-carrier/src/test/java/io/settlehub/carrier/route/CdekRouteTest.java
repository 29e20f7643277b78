package io.settlehub.carrier.route;

import org.junit.jupiter.api.Tag;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.settlehub.carrier.CdekFixtures.cdek;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventType;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** connector-carrier with CDEK: WireMock CDEK and its webhooks in, the embedded broker out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.artemis.mode=embedded",
        "spring.artemis.embedded.enabled=true", "spring.artemis.embedded.persistent=false",
        "hub.cdek.webhook-secret=test-webhook-secret-0123456789", "hub.cdek.accounts[0].client-id=acme",
        "hub.cdek.accounts[0].cdek-client-id=cdek-acme-account", "hub.cdek.accounts[0].cdek-client-secret=cdek-acme-secret",
        "resilience4j.retry.instances.cdek.wait-duration=10ms"})
@Tag("integration")
class CdekRouteTest {

    static final WireMockServer CDEK = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static Path state;

    @DynamicPropertySource
    static void cdekServer(DynamicPropertyRegistry registry) throws Exception {
        if (!CDEK.isRunning()) {
            CDEK.start();
            state = Files.createTempDirectory("cdek-state");
        }
        registry.add("hub.cdek.api-url", CDEK::baseUrl);
        registry.add("hub.cdek.state-dir", state::toString);
    }

    @AfterAll
    static void stop() {
        CDEK.stop();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JmsTemplate jms;
    @LocalServerPort
    int port;

    @BeforeEach
    void pollOnDemand() throws Exception {
        if (camel.getRoute(CdekPollRoute.ROUTE_ID).getEndpoint().getEndpointUri().startsWith("timer")) {
            AdviceWith.adviceWith(camel, CdekPollRoute.ROUTE_ID, a -> a.replaceFromWith("direct:cdek-poll-now"));
        }
        CDEK.resetAll();
        CDEK.stubFor(post("/v2/oauth/token").willReturn(okJson(cdek("token.json"))));
    }

    HttpResponse<String> webhook(String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cdek/webhooks/acme"
                        + (token == null ? "" : "?token=" + token))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    List<CanonicalEvent> drainEvents() throws Exception {
        jms.setReceiveTimeout(1000);
        List<CanonicalEvent> events = new ArrayList<>();
        Message message;
        while ((message = jms.receive(Addresses.EVENTS)) != null) {
            events.add(EventCodec.decode(((TextMessage) message).getText()));
        }
        return events;
    }

    @Test
    void a_webhook_with_the_secret_makes_the_order_followed_and_its_final_cost_is_published_once() throws Exception {
        forgetAcmesOrders();
        assertThat(webhook(null, cdek("webhook-order-status.json")).statusCode()).isEqualTo(401);
        assertThat(webhook("wrong", cdek("webhook-order-status.json")).statusCode()).isEqualTo(401);
        assertThat(webhook("test-webhook-secret-0123456789", "{not json").statusCode()).isEqualTo(400);
        assertThat(webhook("test-webhook-secret-0123456789", "{\"type\": \"ORDER_STATUS\", \"padding\": \"" + "x".repeat(1_100_000) + "\"}")
                .statusCode()).as("a body over the 1 MiB limit").isEqualTo(413);
        byte[] chunked = ("{\"type\": \"ORDER_STATUS\", \"padding\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/cdek/webhooks/acme?token=test-webhook-secret-0123456789")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunked))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("the same body without a declared length").isEqualTo(413);
        assertThat(state.resolve("cdek-orders-acme.json")).doesNotExist();

        HttpResponse<String> taken = webhook("test-webhook-secret-0123456789", cdek("webhook-order-status.json"));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        CDEK.stubFor(get("/v2/orders/72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01").willReturn(okJson(cdek("order-delivered-to-warehouse.json"))));

        producer.sendBody("direct:cdek-poll-now", null);
        List<CanonicalEvent> events = drainEvents();
        assertThat(events).extracting(CanonicalEvent::eventId, CanonicalEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cdek:acme:1106543210:cost:r1", EventType.SHIPMENT_COST));

        // read once more for a correction: the same total publishes nothing and the order is settled
        producer.sendBody("direct:cdek-poll-now", null);
        assertThat(drainEvents()).isEmpty();
        producer.sendBody("direct:cdek-poll-now", null);
        CDEK.verify(2, getRequestedFor(urlEqualTo("/v2/orders/72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01")));
        assertThat(Files.readString(state.resolve("cdek-orders-acme.json"))).contains("\"done\":true");
    }

    @Test
    void a_webhook_beyond_what_cdek_sends_is_refused_by_field_and_neither_a_broken_state_file_nor_a_refused_order_stops_the_feed()
            throws Exception {
        String secret = "test-webhook-secret-0123456789";
        forgetAcmesOrders();
        try {
            HttpResponse<String> huge = webhook(secret, "{\"type\": \"ORDER_STATUS\", \"uuid\": \"" + "u".repeat(100_000) + "\"}");
            assertThat(huge.statusCode()).isEqualTo(400);
            assertThat(huge.body()).contains("uuid: must be a CDEK order UUID");
            assertThat(state.resolve("cdek-orders-acme.json")).as("nothing followed").doesNotExist();

            // the client's state file cannot be read (cut off by a full disk, say): set aside, and the feed goes on
            Files.writeString(state.resolve("cdek-orders-acme.json"), "{\"72753031-4b3c-4d1e-9f2a-1a2b3c4d5e0");
            assertThat(webhook(secret, cdek("webhook-order-status.json")).statusCode()).isEqualTo(200);
            try (var files = Files.list(state)) {
                assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("cdek-orders-acme.json.unreadable-"));
            }
            // an order CDEK will not answer for (404) is set aside, the others are still read
            String unknown = "00000000-0000-4000-8000-000000000000";
            assertThat(webhook(secret, cdek("webhook-order-status.json").replace("72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01", unknown))
                    .statusCode()).isEqualTo(200);
            CDEK.stubFor(get("/v2/orders/" + unknown).willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()
                    .withBody("{\"requests\": [{\"errors\": [{\"code\": \"v2_entity_not_found\"}]}]}")));
            CDEK.stubFor(get("/v2/orders/72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01").willReturn(okJson(cdek("order-delivered-to-warehouse.json")
                    .replace("1106543210", "1106543299"))));   // another order than the other test's (the broker drops repeats)

            producer.sendBody("direct:cdek-poll-now", null);
            assertThat(drainEvents()).extracting(CanonicalEvent::eventId).containsExactly("cdek:acme:1106543299:cost:r1");
            Message unmapped = jms.receive(Addresses.UNMAPPED);
            assertThat(unmapped).isNotNull();
            assertThat(unmapped.getStringProperty(io.settlehub.contract.MessageHeaders.FAILURE_REASON))
                    .startsWith("CDEK order " + unknown + " is no longer followed: ").contains("404");
        } finally {
            forgetAcmesOrders();
        }
    }

    static void forgetAcmesOrders() throws java.io.IOException {
        try (var files = Files.list(state)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("cdek-orders-acme")).toList()) {
                Files.delete(file);
            }
        }
    }
}
