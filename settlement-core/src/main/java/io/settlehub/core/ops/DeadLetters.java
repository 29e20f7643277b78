package io.settlehub.core.ops;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.MessageHeaders;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queues for an operator: what is in them (with each message's failure reason), and the replay of
 * messages to the queue they came from once the cause is fixed. A replay moves each message in one local JMS
 * transaction (received from the DLQ and sent to its queue together), so none is lost or doubled; the duplicate-detection
 * id is dropped, since the broker remembers it from the first delivery and would discard the replay (consumers are
 * idempotent by the message's own id).
 */
@Component
public class DeadLetters {

    /** The dead-letter queues and the queue each one's messages go back to. */
    static final Map<String, String> ORIGINS = Map.of(Addresses.EVENTS_DLQ, Addresses.EVENTS, Addresses.PAYMENT_INSTRUCTIONS_DLQ,
            Addresses.PAYMENT_INSTRUCTIONS, Addresses.ACCOUNTING_EXPORTS_DLQ, Addresses.ACCOUNTING_EXPORTS);

    private final ConnectionFactory connections;

    public DeadLetters(ConnectionFactory connections) {
        this.connections = connections;
    }

    public record DeadLetter(String messageId, Instant at, String eventType, String failureReason, String body) {
    }

    public List<DeadLetter> browse(String queue, int limit) throws JMSException {
        requireKnown(queue);
        List<DeadLetter> letters = new ArrayList<>();
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            connection.start();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < limit) {
                Message message = (Message) messages.nextElement();
                letters.add(new DeadLetter(message.getJMSMessageID(), Instant.ofEpochMilli(message.getJMSTimestamp()),
                        message.getStringProperty(MessageHeaders.EVENT_TYPE), message.getStringProperty(MessageHeaders.FAILURE_REASON),
                        body(message)));
            }
        }
        return letters;
    }

    /** Moves up to {@code limit} messages back to their queue; answers how many moved. */
    public int replay(String queue, int limit) throws JMSException {
        String origin = requireKnown(queue);
        int moved = 0;
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
             MessageProducer producer = session.createProducer(session.createQueue(origin))) {
            connection.start();
            while (moved < limit) {
                Message message = consumer.receive(500);
                if (message == null) {
                    break;
                }
                Message copy = copy(session, message, queue);
                producer.send(copy);
                session.commit();
                moved++;
            }
        }
        return moved;
    }

    private static Message copy(Session session, Message message, String from) throws JMSException {
        Message copy = session.createTextMessage(body(message));
        for (String name : Collections.list((Enumeration<String>) message.getPropertyNames())) {
            if (!name.startsWith("_AMQ") && !name.startsWith("JMSX") && !name.equals(MessageHeaders.FAILURE_REASON)) {
                copy.setObjectProperty(name, message.getObjectProperty(name));
            }
        }
        String group = message.getStringProperty(MessageHeaders.GROUP_ID);
        if (group != null) {
            copy.setStringProperty(MessageHeaders.GROUP_ID, group);
        }
        copy.setStringProperty("replayedFrom", from);
        copy.setStringProperty("replayedAfter", message.getStringProperty(MessageHeaders.FAILURE_REASON));
        return copy;
    }

    private static String body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] data = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(data);
            bytes.reset();
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }
        return message.getBody(String.class);
    }

    private static String requireKnown(String queue) {
        String origin = ORIGINS.get(queue);
        if (origin == null) {
            throw new InvalidMessageException("queue", "must be one of " + new LinkedHashMap<>(ORIGINS).keySet() + ", was '" + queue + "'");
        }
        return origin;
    }
}
