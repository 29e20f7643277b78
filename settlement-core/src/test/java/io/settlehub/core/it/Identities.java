package io.settlehub.core.it;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.testsupport.EventPublishing;
import io.settlehub.testsupport.HubTestBroker;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jms.core.JmsTemplate;

/**
 * A test context's broker as each service sees it, logged in as that service: events are sent by the connector that
 * publishes their type, instructions are read as connector-bank, exports as connector-accounting.
 */
final class Identities {

    private final HubTestBroker broker;
    private final Map<String, JmsTemplate> templates = new ConcurrentHashMap<>();

    Identities(HubTestBroker broker) {
        this.broker = broker;
    }

    JmsTemplate as(String identity) {
        return templates.computeIfAbsent(identity, id -> new JmsTemplate(broker.connectionFactory(id)));
    }

    /** Sends an event as the connector that publishes its type. */
    void publish(CanonicalEvent event) {
        as(EventPublishing.publisherOf(event.type())).send(Addresses.EVENTS, session -> EventPublishing.message(session, event));
    }

    /** Sends a raw body (possibly invalid) with an event type, as the connector that publishes that type. */
    void publish(String body, String eventType) {
        EventType type = Arrays.stream(EventType.values()).filter(t -> t.name().equals(eventType)).findFirst().orElse(EventType.SALE);
        as(EventPublishing.publisherOf(type)).send(Addresses.EVENTS, session -> {
            var message = session.createTextMessage(body);
            message.setStringProperty(MessageHeaders.EVENT_TYPE, eventType);
            return message;
        });
    }
}
