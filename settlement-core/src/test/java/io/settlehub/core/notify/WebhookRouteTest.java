package io.settlehub.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.settlehub.contract.MessageHeaders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook route's branches with the broker replaced (AdviceWith, mock endpoints) and a webhook receiver on a local
 * HTTP server: a notification of the core reaches each webhook that wants its client, signed; one the core did not publish
 * reaches none; a webhook that keeps failing is retried, then its notification dead-lettered with the webhook named.
 */
class WebhookRouteTest {

    /** The broker as mock endpoints, whatever options the hub's endpoints carry. */
    static final class LenientMocks extends MockComponent {
        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
            parameters.clear();
            return super.createEndpoint(uri, remaining, parameters);
        }
    }

    record Received(String path, String timestamp, String signature, String body) {
    }

    private static final String NOTIFICATION = "{\"notificationId\":\"n-1\",\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\"}";

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final NotificationOrigin origin = mock(NotificationOrigin.class);
    private HttpServer receiver;
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-Settlehub-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Settlehub-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        WebhookProperties webhooks = new WebhookProperties(List.of(
                new WebhookProperties.Webhook("crm", base + "/crm", "crm-secret-0123456789", List.of()),
                new WebhookProperties.Webhook("wms", base + "/wms", "wms-secret-0123456789", List.of("globex"))));
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new LenientMocks());
        Properties properties = new Properties();
        properties.put("hub.broker.endpoint", "jms");
        properties.put("hub.notifications.max-redeliveries", "2");
        properties.put("hub.notifications.redelivery-delay", "1");
        properties.put("hub.notifications.max-redelivery-delay", "5");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new WebhookRoute(webhooks, Clock.fixed(Instant.parse("2026-12-01T07:00:00Z"), ZoneOffset.UTC), origin));
        for (String name : List.of("crm", "wms")) {
            AdviceWith.adviceWith(camel, "core-webhook-" + name, route -> route.replaceFromWith("direct:" + name));
        }
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        receiver.stop(0);
    }

    private void notify(String body) {
        for (String name : List.of("crm", "wms")) {
            camel.createProducerTemplate().sendBody("direct:" + name, body);
        }
    }

    @Test
    void a_notification_of_the_core_reaches_each_webhook_that_wants_its_client_signed_with_that_webhooks_secret() {
        when(origin.matches(any(Exchange.class))).thenReturn(true);

        notify(NOTIFICATION);

        assertThat(received).extracting(Received::path).containsExactly("/crm");
        Received crm = received.get(0);
        assertThat(crm.body()).isEqualTo(NOTIFICATION);
        assertThat(crm.timestamp()).isEqualTo(String.valueOf(Instant.parse("2026-12-01T07:00:00Z").getEpochSecond()));
        assertThat(crm.signature()).isEqualTo("sha256=" + WebhookSender.signature("crm-secret-0123456789", crm.timestamp(), NOTIFICATION));
    }

    @Test
    void a_notification_the_core_did_not_publish_reaches_no_webhook() {
        when(origin.matches(any(Exchange.class))).thenReturn(false);

        notify(NOTIFICATION);

        assertThat(received).isEmpty();
    }

    @Test
    void a_webhook_that_keeps_failing_is_retried_then_its_notification_is_dead_lettered_with_the_webhook_named() {
        when(origin.matches(any(Exchange.class))).thenReturn(true);
        status.set(500);

        notify(NOTIFICATION);

        assertThat(received).extracting(Received::path).containsExactly("/crm", "/crm", "/crm");
        MockEndpoint dead = camel.getEndpoint("jms:queue:" + WebhookRoute.DEAD_LETTERS, MockEndpoint.class);
        assertThat(dead.getReceivedExchanges()).hasSize(1);
        assertThat(dead.getReceivedExchanges().get(0).getMessage().getHeader(MessageHeaders.WEBHOOK)).isEqualTo("crm");
        assertThat(dead.getReceivedExchanges().get(0).getMessage().getHeader(MessageHeaders.FAILURE_REASON, String.class))
                .isEqualTo("webhook crm failed after retries: webhook crm answered 500");
    }
}
