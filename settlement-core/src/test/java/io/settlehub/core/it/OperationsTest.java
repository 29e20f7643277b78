package io.settlehub.core.it;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.EventCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What an operator runs the hub with: probes, queue and database metrics, dead letters and their replay, JSON logs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.operator-token=" + OperationsTest.OPERATOR, "logging.structured.format.console=ecs"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@Tag("integration")
class OperationsTest {

    static final String OPERATOR = "operations-test-operator-token-7d2e";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FreshPostgres.register(registry, "ops");
    }

    Identities identities;

    @Autowired
    void broker(io.settlehub.testsupport.HubTestBroker broker) {
        identities = new Identities(broker);
    }

    @LocalServerPort
    int port;

    HttpResponse<String> call(String method, String path, String token, String correlationId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, method.equals("POST") && path.equals("/api/tokens")
                        ? HttpRequest.BodyPublishers.ofString("{\"label\": \"ops\", \"role\": \"OPERATOR\", \"validDays\": 1}")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readiness_covers_the_database_and_the_broker() throws Exception {
        HttpResponse<String> anonymous = call("GET", "/actuator/health/readiness", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(EventCodec.mapper().readTree(anonymous.body()).has("components")).as("details only to an operator").isFalse();
        HttpResponse<String> ready = call("GET", "/actuator/health/readiness", OPERATOR, null);
        JsonNode components = EventCodec.mapper().readTree(ready.body()).get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("jms").get("status").asText()).isEqualTo("UP");
        assertThat(call("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        for (String closed : new String[] {"/actuator", "/actuator/info", "/actuator/env", "/actuator/beans", "/actuator/configprops"}) {
            assertThat(call("GET", closed, OPERATOR, null).statusCode()).as(closed).isIn(401, 403, 404);
        }
    }

    @Test
    void a_dead_letter_is_seen_with_its_reason_in_the_metrics_and_replayed_without_being_doubled() throws Exception {
        String poison = "{\"eventId\": \"ops:poison:1\", \"type\": \"SALE\", \"schemaVersion\": 1, \"source\": \"ops\","
                + " \"clientId\": \"nobody\", \"occurredAt\": \"2026-11-01T10:00:00Z\", \"payload\": {}}";
        identities.publish(poison, "SALE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(call("GET", "/api/operations/dead-letters?queue=" + Addresses.EVENTS_DLQ, OPERATOR, null).body())
                        .contains("ops:poison:1").contains("payload.orderId"));
        assertThat(EventCodec.mapper().readTree(call("GET", "/api/operations/queues", OPERATOR, null).body())
                .get(Addresses.EVENTS_DLQ).asDouble()).isEqualTo(1.0);
        String metrics = call("GET", "/actuator/prometheus", null, null).body();
        assertThat(metrics).contains("hub_queue_messages{queue=\"DLQ.hub.events\"} 1.0").contains("hub_parked_events{kind=\"WAITING\"}")
                .contains("hub_outbox_oldest_unpublished_seconds");

        String replayed = call("POST", "/api/operations/dead-letters/replay?queue=" + Addresses.EVENTS_DLQ, OPERATOR, null).body();
        assertThat(replayed).contains("\"replayed\":1");
        // still invalid: it comes back to the dead-letter queue, once, marked as replayed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode letters = EventCodec.mapper().readTree(call("GET", "/api/operations/dead-letters?queue=" + Addresses.EVENTS_DLQ,
                    OPERATOR, null).body());
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).get("body").asText()).contains("ops:poison:1");
        });
        assertThat(call("GET", "/api/operations/dead-letters?queue=hub.events", OPERATOR, null).body()).contains("\"field\":\"queue\"");
    }

    @Test
    void log_lines_are_json_with_the_requests_correlation_id(CapturedOutput output) throws Exception {
        HttpResponse<String> issued = call("POST", "/api/tokens", OPERATOR, "ops-check-42");
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.headers().firstValue("X-Correlation-Id")).contains("ops-check-42");
        String line = output.getAll().lines().filter(l -> l.contains("TOKEN_ISSUED")).findFirst().orElseThrow();
        JsonNode json = EventCodec.mapper().readTree(line);
        assertThat(json.get("correlationId").asText()).isEqualTo("ops-check-42");
        assertThat(json.has("@timestamp")).isTrue();
        String token = EventCodec.mapper().readTree(issued.body()).get("token").asText();
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(OPERATOR);
    }
}
