package io.settlehub.carrier;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.artemis.mode=embedded",
        "spring.artemis.embedded.enabled=true", "hub.customs.root=target/customs-health"})
@Tag("integration")
class CarrierConnectorHealthTest {

    @Autowired
    HealthEndpoint health;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void over_http_the_actuator_answers_health_and_metrics_only_and_health_without_details() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var healthAnswer = get.apply("/actuator/health");
        assertThat(healthAnswer.body()).contains("\"status\"").doesNotContain("components").doesNotContain("jms");
        assertThat(get.apply("/actuator/health/readiness").statusCode()).isIn(200, 503);
        assertThat(get.apply("/actuator/prometheus").statusCode()).isEqualTo(200);
        for (String closed : new String[] {"/actuator", "/actuator/info", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/loggers"}) {
            assertThat(get.apply(closed).statusCode()).as(closed).isEqualTo(404);
        }
    }

    @Test
    void starts_connects_to_the_broker_and_reports_healthy() {
        var jms = health.healthForPath("jms");
        assertThat(jms).as("a jms health component").isNotNull();
        assertThat(jms.getStatus()).isEqualTo(Status.UP);
        // Camel reports a polling consumer healthy once it has polled
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            var system = (org.springframework.boot.health.actuate.endpoint.SystemHealthDescriptor) health.health();
            assertThat(system.getStatus()).as("%s", system.getComponents().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().getStatus()).toList()).isEqualTo(Status.UP);
        });
    }
}
