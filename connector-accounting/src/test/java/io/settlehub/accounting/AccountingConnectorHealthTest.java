package io.settlehub.accounting;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true"})
@Tag("integration")
class AccountingConnectorHealthTest {

    @Autowired
    HealthEndpoint health;

    @Test
    void starts_connects_to_the_broker_and_reports_healthy() {
        var jms = health.healthForPath("jms");
        assertThat(jms).as("a jms health component").isNotNull();
        assertThat(jms.getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
