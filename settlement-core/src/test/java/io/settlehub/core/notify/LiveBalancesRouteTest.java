package io.settlehub.core.notify;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.settlehub.contract.MessageHeaders;
import io.settlehub.testsupport.BrokerMocks;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live-balances route: a notification of the core about a watched client, or the balance changes of many clients while
 * anyone watches, go to the open pages' streams; one the core did not publish, or that nobody here can want, is dropped.
 */
class LiveBalancesRouteTest {

    private static final String ACME = "{\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\"}";

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
        when(live.mayConcern("acme")).thenReturn(true);
        start();

        send("acme");

        verify(live).publish(ACME);
    }

    @Test
    void a_notification_the_core_did_not_publish_reaches_no_page() throws Exception {
        when(origin.matches(any(Exchange.class))).thenReturn(false);
        when(live.mayConcern("acme")).thenReturn(true);
        start();

        send("acme");

        verify(live, never()).publish(anyString());
    }

    @Test
    void a_notification_of_a_client_nobody_watches_is_dropped_unread() throws Exception {
        when(origin.matches(any(Exchange.class))).thenReturn(true);
        start();

        send("acme");
        send(null);

        verify(live, never()).publish(anyString());
        verify(origin, never()).matches(any(Exchange.class));
    }

    private void send(String group) {
        camel.createProducerTemplate().sendBodyAndHeaders("direct:notifications", ACME,
                group == null ? Map.of() : Map.of(MessageHeaders.GROUP_ID, group));
    }

    @Test
    void the_balance_changes_of_many_clients_reach_the_open_pages_while_anyone_watches() throws Exception {
        when(origin.matches(any(Exchange.class))).thenReturn(true);
        when(live.mayConcern(Notifications.BALANCES_GROUP)).thenReturn(true);
        start();

        send(Notifications.BALANCES_GROUP);

        verify(live).publish(ACME);
    }
}
