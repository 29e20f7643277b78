package io.settlehub.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox relay's schedule: it publishes on every tick, and a tick the broker fails is retried by the next one. */
class OutboxRelayRouteTest {

    private final OutboxRelay relay = mock(OutboxRelay.class);
    private DefaultCamelContext camel;

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void a_tick_the_broker_fails_leaves_the_route_running_and_the_next_tick_publishes() throws Exception {
        when(relay.publishPending())
                .thenThrow(new JMSException("AMQ219010: connection is destroyed"))
                .thenThrow(new JMSException("AMQ219010: connection is destroyed"))
                .thenReturn(3)
                .thenReturn(0);
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("hub.outbox.poll-interval", "20");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new OutboxRelayRoute(relay));
        camel.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(relay, atLeast(4)).publishPending());
        assertThat(camel.getRouteController().getRouteStatus("core-outbox-relay")).isEqualTo(ServiceStatus.Started);
    }
}
