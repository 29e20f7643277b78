package io.settlehub.testsupport;

import io.settlehub.contract.CanonicalEvent;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends events to hub.events the way the hub's connectors do: each by the connector that publishes its type
 * ({@link EventPublishing#publisherOf}), logged in as that connector, persistent, with the contract's properties.
 */
public final class EventPublishers implements AutoCloseable {

    private record Publisher(Connection connection, Session session, MessageProducer producer) {
    }

    private final Function<String, ConnectionFactory> factories;
    private final boolean transacted;
    private final boolean duplicateIds;
    private final Map<String, Publisher> publishers = new LinkedHashMap<>();
    private final Map<String, io.settlehub.contract.MessageSignatures.Signer> signers = new java.util.HashMap<>();

    /**
     * {@code factories}: a connection factory per broker user; {@code transacted}: sends wait for {@link #commit};
     * {@code duplicateIds}: set the duplicate-detection id (the event id), as connectors do.
     */
    public EventPublishers(Function<String, ConnectionFactory> factories, boolean transacted, boolean duplicateIds) {
        this.factories = factories;
        this.transacted = transacted;
        this.duplicateIds = duplicateIds;
    }

    /** The events {@code identity} publishes carry its signature of their body, as a connector with a signing key sends them. */
    public EventPublishers signing(String identity, io.settlehub.contract.MessageSignatures.Signer signer) {
        signers.put(identity, signer);
        return this;
    }

    public void send(CanonicalEvent event) throws JMSException {
        String identity = EventPublishing.publisherOf(event.type());
        Publisher publisher = publisher(identity);
        jakarta.jms.TextMessage message = duplicateIds ? EventPublishing.message(publisher.session(), event)
                : EventPublishing.withoutDuplicateId(publisher.session(), event);
        if (signers.containsKey(identity)) {
            message.setStringProperty(io.settlehub.contract.MessageHeaders.SIGNATURE, signers.get(identity).sign(message.getText()));
        }
        publisher.producer().send(message);
    }

    public void commit() throws JMSException {
        if (transacted) {
            for (Publisher publisher : publishers.values()) {
                publisher.session().commit();
            }
        }
    }

    private Publisher publisher(String identity) throws JMSException {
        Publisher publisher = publishers.get(identity);
        if (publisher == null) {
            Connection connection = factories.apply(identity).createConnection();
            Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(io.settlehub.contract.Addresses.EVENTS));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            publisher = new Publisher(connection, session, producer);
            publishers.put(identity, publisher);
        }
        return publisher;
    }

    @Override
    public void close() throws JMSException {
        for (Publisher publisher : publishers.values()) {
            publisher.connection().close();
        }
        publishers.clear();
    }
}
