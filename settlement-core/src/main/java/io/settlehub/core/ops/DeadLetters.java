package io.settlehub.core.ops;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.core.messaging.MessageCopies;
import io.settlehub.core.messaging.MessageSenders;
import io.settlehub.core.notify.WebhookRoute;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every dead-letter queue of the hub, for an operator: what is in them (each message's failure reason and sender), and
 * the replay of messages to where they came from once the cause is fixed. The broker's catch-all {@code DLQ} is one of
 * them: a message its consumer could not even dead-letter itself, or that came from an address without a dead-letter queue
 * of its own, goes back to its original address when that is one of the hub's. A replay moves each message in one local
 * JMS transaction (received from the DLQ and sent on together), so none is lost or doubled; the duplicate-detection id is
 * dropped, since the broker remembers it from the first delivery and would discard the replay (consumers are idempotent
 * by the message's own id). The replay keeps who sent the original ({@link MessageHeaders#ORIGINAL_SENDER}).
 */
@Component
public class DeadLetters {

    public static final String CATCH_ALL = "DLQ";
    /** The dead-letter queues an operator sees, counted in the metrics and replayable. */
    public static final List<String> QUEUES = List.of(Addresses.EVENTS_DLQ, Addresses.PAYMENT_INSTRUCTIONS_DLQ,
            Addresses.ACCOUNTING_EXPORTS_DLQ, WebhookRoute.DEAD_LETTERS, CATCH_ALL);
    /** The addresses a message in the catch-all DLQ may be replayed to. */
    private static final List<String> REPLAYABLE = List.of(Addresses.EVENTS, Addresses.PAYMENT_INSTRUCTIONS, Addresses.ACCOUNTING_EXPORTS);
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    private static final Set<String> NOT_REPLAYED = Set.of(MessageHeaders.FAILURE_REASON, MessageHeaders.REFUSED,
            MessageHeaders.ORIGINAL_SENDER, MessageCopies.ORIGINAL_MESSAGE_ID, "replayedFrom", "replayedAfter");

    private final ConnectionFactory connections;
    private final MessageSenders senders;

    public DeadLetters(ConnectionFactory connections, MessageSenders senders) {
        this.connections = connections;
        this.senders = senders;
    }

    /** One dead letter; {@code otherProperties}: what the original carried under names JMS cannot hold (STOMP's content-length…). */
    public record DeadLetter(String queue, String messageId, Instant at, String eventType, String failureReason, boolean refused,
                             String sender, String originalAddress, String otherProperties, String body) {
    }

    public List<DeadLetter> browse(String queue, int limit) throws JMSException {
        requireKnown(queue);
        return browse(queue, null, limit);
    }

    /** The messages of every dead-letter queue that a service refused for their sender (connector-bank: not signed). */
    public List<DeadLetter> refused(int limit) {
        List<DeadLetter> refused = new ArrayList<>();
        for (String queue : QUEUES) {
            try {
                refused.addAll(browse(queue, MessageHeaders.REFUSED + " = TRUE", limit));
            } catch (JMSException unavailable) {
                // the broker is away: the next scan looks again
            }
        }
        return refused;
    }

    private List<DeadLetter> browse(String queue, String selector, int limit) throws JMSException {
        List<DeadLetter> letters = new ArrayList<>();
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
            connection.start();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < limit) {
                Message message = (Message) messages.nextElement();
                String reason = message.getStringProperty(MessageHeaders.FAILURE_REASON);
                letters.add(new DeadLetter(queue, message.getJMSMessageID(), Instant.ofEpochMilli(message.getJMSTimestamp()),
                        message.getStringProperty(MessageHeaders.EVENT_TYPE), reason != null ? reason
                                : "delivered " + message.getIntProperty("JMSXDeliveryCount") + " times without being taken (moved by the broker)",
                        message.propertyExists(MessageHeaders.REFUSED) && message.getBooleanProperty(MessageHeaders.REFUSED),
                        senders.of(message), message.getStringProperty(ORIGINAL_ADDRESS),
                        message.getStringProperty(MessageCopies.OTHER_PROPERTIES), MessageCopies.bodyOrEmpty(message)));
            }
        }
        return letters;
    }

    /** Moves up to {@code limit} messages back to where they came from; answers how many moved. */
    public int replay(String queue, int limit) throws JMSException {
        requireKnown(queue);
        int moved = 0;
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue), replayable(queue));
             MessageProducer producer = session.createProducer(null)) {
            connection.start();
            while (moved < limit) {
                Message message = consumer.receive(500);
                if (message == null) {
                    break;
                }
                Message copy = MessageCopies.copy(session, message, NOT_REPLAYED);
                String sender = senders.of(message);
                if (sender != null) {
                    copy.setStringProperty(MessageHeaders.ORIGINAL_SENDER, sender);
                }
                copy.setStringProperty("replayedFrom", queue);
                copy.setStringProperty("replayedAfter", message.getStringProperty(MessageHeaders.FAILURE_REASON));
                producer.send(destination(session, queue, message), copy);
                session.commit();
                moved++;
            }
        }
        return moved;
    }

    /** Only the messages of a queue whose way back is known (a selector), so that none is taken and put back forever. */
    private static String replayable(String queue) {
        if (queue.equals(CATCH_ALL)) {
            return ORIGINAL_ADDRESS + " IN ('" + String.join("', '", REPLAYABLE) + "')";
        }
        if (queue.equals(WebhookRoute.DEAD_LETTERS)) {
            return MessageHeaders.WEBHOOK + " IS NOT NULL OR " + ORIGINAL_QUEUE + " LIKE '" + WebhookRoute.SUBSCRIPTION_PREFIX + "%'";
        }
        return null;
    }

    private static Destination destination(Session session, String queue, Message message) throws JMSException {
        return switch (queue) {
            case Addresses.EVENTS_DLQ -> session.createQueue(Addresses.EVENTS);
            case Addresses.PAYMENT_INSTRUCTIONS_DLQ -> session.createQueue(Addresses.PAYMENT_INSTRUCTIONS);
            case Addresses.ACCOUNTING_EXPORTS_DLQ -> session.createQueue(Addresses.ACCOUNTING_EXPORTS);
            case CATCH_ALL -> session.createQueue(message.getStringProperty(ORIGINAL_ADDRESS));
            default -> {
                // a webhook's own durable subscription (fully qualified, multicast), so that no other subscriber gets it twice
                String webhook = message.getStringProperty(MessageHeaders.WEBHOOK);
                yield session.createTopic(Addresses.NOTIFICATIONS + "::" + (webhook != null ? WebhookRoute.SUBSCRIPTION_PREFIX + webhook
                        : message.getStringProperty(ORIGINAL_QUEUE)));
            }
        };
    }

    private static void requireKnown(String queue) {
        if (!QUEUES.contains(queue)) {
            throw new InvalidMessageException("queue", "must be one of " + QUEUES + ", was '" + queue + "'");
        }
    }
}
