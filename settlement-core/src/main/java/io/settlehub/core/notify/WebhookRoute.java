package io.settlehub.core.notify;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.MessageHeaders;
import java.time.Clock;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * hub.notifications → each configured webhook, through a durable subscription of its own ({@code webhook-<name>}), so
 * notifications wait in the broker while the receiver is down. The session is transacted: a notification is
 * acknowledged once the receiver answered 2xx; failures are redelivered with exponential backoff, then set aside on
 * {@code DLQ.hub.notifications.webhooks} with the reason. Only notifications settlement-core published are delivered
 * ({@link NotificationOrigin}). A BALANCES_CHANGED message is delivered as the BALANCE_CHANGED of each of its clients
 * (decision 0019), an ALERTS_RAISED message as each of its ALERTs (decision 0021), each retried and dead-lettered on its
 * own.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookRoute extends RouteBuilder {

    public static final String DEAD_LETTERS = "DLQ." + Addresses.NOTIFICATIONS + ".webhooks";
    /** A webhook's durable subscription is named this and the webhook's name. */
    public static final String SUBSCRIPTION_PREFIX = "webhook-";

    private final WebhookProperties properties;
    private final WebhookSender sender;
    private final NotificationOrigin origin;

    public WebhookRoute(WebhookProperties properties, Clock clock, NotificationOrigin origin) {
        this.properties = properties;
        this.sender = new WebhookSender(clock);
        this.origin = origin;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .maximumRedeliveries("{{hub.notifications.max-redeliveries:10}}")
                .redeliveryDelay("{{hub.notifications.redelivery-delay:1000}}")
                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay("{{hub.notifications.max-redelivery-delay:300000}}")
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .setHeader(MessageHeaders.FAILURE_REASON, simple("webhook ${exchangeProperty.webhook} failed after retries: ${exception.message}"))
                .setHeader(MessageHeaders.WEBHOOK, exchangeProperty("webhook"))
                .to("{{hub.broker.endpoint}}:queue:" + DEAD_LETTERS);

        for (WebhookProperties.Webhook webhook : properties.webhooks()) {
            from("{{hub.broker.endpoint}}:topic:" + Addresses.NOTIFICATIONS + "?transacted=true&subscriptionDurable=true"
                    + "&subscriptionShared=true&subscriptionName=" + SUBSCRIPTION_PREFIX + webhook.name())
                    .routeId("core-webhook-" + webhook.name())
                    .filter(origin)
                    .setProperty("webhook", constant(webhook.name()))
                    .convertBodyTo(String.class)
                    .process(exchange -> exchange.getMessage().setBody(ClientNotifications.of(exchange.getMessage().getBody(String.class))))
                    .split(body())
                        .filter(exchange -> webhook.wants(exchange.getMessage().getBody(ClientNotifications.ClientNotification.class).clientId()))
                        // the body alone from here: what a failed delivery leaves on the dead-letter queue
                        .process(exchange -> exchange.getMessage().setBody(
                                exchange.getMessage().getBody(ClientNotifications.ClientNotification.class).body()))
                        .process(exchange -> sender.deliver(webhook, exchange.getMessage().getBody(String.class)))
                    .end();
        }
    }
}
