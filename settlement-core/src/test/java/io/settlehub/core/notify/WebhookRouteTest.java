package io.settlehub.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.settlehub.contract.MessageHeaders;
import io.settlehub.testsupport.BrokerMocks;
import io.settlehub.testsupport.WebhookReceiver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook route's branches with the broker replaced (AdviceWith, mock endpoints) and two webhook receivers on
 * loopback: a notification of the core reaches each webhook that wants its client, signed; one the core did not publish
 * reaches none; a webhook that keeps failing is retried, then its notification dead-lettered with the webhook named; the
 * balance changes of many clients in one message reach each webhook as one notification per client it wants.
 */
class WebhookRouteTest {

    private static final String NOTIFICATION = "{\"notificationId\":\"n-1\",\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\"}";
    private static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");

    private final NotificationOrigin origin = mock(NotificationOrigin.class);
    private final WebhookReceiver crm = WebhookReceiver.start();
    private final WebhookReceiver wms = WebhookReceiver.start();
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        WebhookProperties webhooks = new WebhookProperties(List.of(
                new WebhookProperties.Webhook("crm", crm.url(), "crm-secret-0123456789", List.of()),
                new WebhookProperties.Webhook("wms", wms.url(), "wms-secret-0123456789", List.of("globex"))));
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new BrokerMocks());
        Properties properties = new Properties();
        properties.put("hub.broker.endpoint", "jms");
        properties.put("hub.notifications.max-redeliveries", "2");
        properties.put("hub.notifications.redelivery-delay", "1");
        properties.put("hub.notifications.max-redelivery-delay", "5");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new WebhookRoute(webhooks, Clock.fixed(NOW, ZoneOffset.UTC), origin));
        for (String name : List.of("crm", "wms")) {
            AdviceWith.adviceWith(camel, "core-webhook-" + name, route -> route.replaceFromWith("direct:" + name));
        }
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        crm.close();
        wms.close();
    }

    private void notifyBoth(String body) {
        for (String name : List.of("crm", "wms")) {
            camel.createProducerTemplate().sendBody("direct:" + name, body);
        }
    }

    @Test
    void a_notification_of_the_core_reaches_each_webhook_that_wants_its_client_signed_with_that_webhooks_secret() {
        when(origin.matches(any(Exchange.class))).thenReturn(true);

        notifyBoth(NOTIFICATION);

        assertThat(wms.deliveries()).as("wms wants globex's notifications only").isEmpty();
        assertThat(crm.deliveries()).hasSize(1);
        WebhookReceiver.Delivery delivery = crm.deliveries().get(0);
        assertThat(delivery.body()).isEqualTo(NOTIFICATION);
        assertThat(delivery.timestamp()).isEqualTo(String.valueOf(NOW.getEpochSecond()));
        assertThat(delivery.signature()).isEqualTo("sha256=" + WebhookSender.signature("crm-secret-0123456789", delivery.timestamp(),
                NOTIFICATION));
    }

    @Test
    void a_notification_the_core_did_not_publish_reaches_no_webhook() {
        when(origin.matches(any(Exchange.class))).thenReturn(false);

        notifyBoth(NOTIFICATION);

        assertThat(crm.deliveries()).isEmpty();
        assertThat(crm.failedDeliveries()).isZero();
    }

    @Test
    void a_webhook_that_keeps_failing_is_retried_then_its_notification_is_dead_lettered_with_the_webhook_named() {
        when(origin.matches(any(Exchange.class))).thenReturn(true);
        crm.failNext(10);

        notifyBoth(NOTIFICATION);

        assertThat(crm.failedDeliveries()).as("the first try and two redeliveries").isEqualTo(3);
        MockEndpoint dead = camel.getEndpoint("jms:queue:" + WebhookRoute.DEAD_LETTERS, MockEndpoint.class);
        assertThat(dead.getReceivedExchanges()).hasSize(1);
        assertThat(dead.getReceivedExchanges().get(0).getMessage().getHeader(MessageHeaders.WEBHOOK)).isEqualTo("crm");
        assertThat(dead.getReceivedExchanges().get(0).getMessage().getHeader(MessageHeaders.FAILURE_REASON, String.class))
                .isEqualTo("webhook crm failed after retries: webhook crm answered 503");
    }

    private static String change(String id, String client) {
        return "{\"notificationId\":\"" + id + "\",\"type\":\"BALANCE_CHANGED\",\"clientId\":\"" + client + "\",\"balances\":[]}";
    }

    private static final String THREE_CLIENTS = "{\"notificationId\":\"m-1\",\"type\":\"BALANCES_CHANGED\",\"at\":\"2026-12-01T07:00:00Z\","
            + "\"changes\":[" + change("n-1", "acme") + "," + change("n-2", "globex") + "," + change("n-3", "initech") + "]}";

    @Test
    void the_balance_changes_of_many_clients_reach_each_webhook_one_notification_per_client_it_wants() {
        when(origin.matches(any(Exchange.class))).thenReturn(true);

        notifyBoth(THREE_CLIENTS);

        assertThat(crm.deliveries()).extracting(WebhookReceiver.Delivery::body)
                .containsExactly(change("n-1", "acme"), change("n-2", "globex"), change("n-3", "initech"));
        assertThat(wms.deliveries()).extracting(WebhookReceiver.Delivery::body).containsExactly(change("n-2", "globex"));
        WebhookReceiver.Delivery delivery = crm.deliveries().get(1);
        assertThat(delivery.signature()).isEqualTo("sha256=" + WebhookSender.signature("crm-secret-0123456789", delivery.timestamp(),
                change("n-2", "globex")));
    }

    @Test
    void a_client_whose_delivery_keeps_failing_is_dead_lettered_alone_and_the_others_of_its_message_are_delivered() {
        when(origin.matches(any(Exchange.class))).thenReturn(true);
        crm.failNext(3);

        notifyBoth(THREE_CLIENTS);

        MockEndpoint dead = camel.getEndpoint("jms:queue:" + WebhookRoute.DEAD_LETTERS, MockEndpoint.class);
        assertThat(dead.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(String.class)).containsExactly(change("n-1", "acme"));
        assertThat(crm.deliveries()).extracting(WebhookReceiver.Delivery::body).containsExactly(change("n-2", "globex"), change("n-3", "initech"));
    }
}
