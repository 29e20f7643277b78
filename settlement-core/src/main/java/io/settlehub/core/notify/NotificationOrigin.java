package io.settlehub.core.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.core.messaging.MessageSenders;
import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets through only the notifications settlement-core itself published, so that nothing else on hub.notifications is
 * ever signed for a webhook or shown in a browser. The broker lets only settlement-core send there; this holds even if
 * that rule were lost. What it drops is logged and counted ({@code hub_notifications_refused_total}).
 */
@Component
public class NotificationOrigin implements Predicate {

    private static final Logger log = LoggerFactory.getLogger(NotificationOrigin.class);

    private final MessageSenders senders;
    private final Counter refused;

    public NotificationOrigin(MessageSenders senders, MeterRegistry registry) {
        this.senders = senders;
        this.refused = registry.counter("hub.notifications.refused");
    }

    @Override
    public boolean matches(Exchange exchange) {
        JmsMessage message = exchange.getIn(JmsMessage.class);
        try {
            if (message != null && message.getJmsMessage() != null && senders.fromCore(message.getJmsMessage())) {
                return true;
            }
            log.warn("dropped a notification not published by settlement-core (sender: {})",
                    message == null || message.getJmsMessage() == null ? "unknown" : senders.of(message.getJmsMessage()));
        } catch (JMSException e) {
            log.warn("dropped a notification whose sender cannot be read: {}", e.getMessage());
        }
        refused.increment();
        return false;
    }
}
