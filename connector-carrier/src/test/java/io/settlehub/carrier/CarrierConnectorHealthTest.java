package io.settlehub.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "hub.customs.root=target/customs-health"})
class CarrierConnectorHealthTest {

    @Autowired
    HealthEndpoint health;

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
