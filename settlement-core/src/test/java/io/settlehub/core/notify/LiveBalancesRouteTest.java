package io.settlehub.core.notify;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.settlehub.testsupport.BrokerMocks;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live-balances route: a notification of the core goes to the open pages' streams; any other is dropped. */
class LiveBalancesRouteTest {

    private final NotificationOrigin origin = mock(NotificationOrigin.class);
    private final LiveBalances live = mock(LiveBalances.class);
    private DefaultCamelContext camel;

    private void start() throws Exception {
        camel = BrokerMocks.started(new LiveBalancesRoute(origin, live), Map.of("hub.broker.endpoint", "jms"), "core-live-balances",
                "direct:notifications");
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void a_notification_of_the_core_reaches_the_open_pages() throws Exception {
        when(origin.matches(any(Exchange.class))).thenReturn(true);
        start();

        camel.createProducerTemplate().sendBody("direct:notifications", "{\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\"}");

        verify(live).publish("{\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\"}");
    }

    @Test
    void a_notification_the_core_did_not_publish_reaches_no_page() throws Exception {
        when(origin.matches(any(Exchange.class))).thenReturn(false);
        start();

        camel.createProducerTemplate().sendBody("direct:notifications", "{\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\"}");

        verify(live, never()).publish(anyString());
    }
}
