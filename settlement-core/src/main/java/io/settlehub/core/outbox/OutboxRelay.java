package io.settlehub.core.outbox;

import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import io.settlehub.core.outbox.OutboxRepository;
import io.settlehub.core.outbox.OutboxRepository.OutboxMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Publishes the transactional outbox: what it holds goes to the broker in transactions of {@code hub.outbox.batch-size}
 * messages, each marked published once its transaction is committed, until nothing waits. A crash after the commit and
 * before the mark resends with the same duplicate-detection id, which the broker drops: each message reaches its address
 * once. Every message carries settlement-core's signature of its body ({@link MessageHeaders#SIGNATURE}): connector-bank
 * pays only what it signed.
 */
@Component
public class OutboxRelay {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final ConnectionFactory connections;
    private final MessageSignatures.Signer signer;
    private final int batchSize;

    public OutboxRelay(OutboxRepository outbox, ConnectionFactory connections, MessageSignatures.Signer signer,
                       @Value("${hub.outbox.batch-size:100}") int batchSize, io.micrometer.core.instrument.MeterRegistry registry) {
        this.outbox = outbox;
        this.connections = connections;
        this.signer = signer;
        this.batchSize = batchSize;
        // messages committed with the ledger but not yet on the broker: the outbox lag an operator watches
        registry.gauge("hub.outbox.unpublished", outbox, OutboxRepository::unpublishedCount);
    }

    /** Publishes until the outbox is empty; answers how many messages went. */
    public int publishPending() throws JMSException {
        int sent = 0;
        List<OutboxMessage> batch;
        do {
            batch = outbox.unpublished(batchSize);
            if (!batch.isEmpty()) {
                send(batch);
                outbox.markPublished(batch.stream().map(OutboxMessage::id).toList());
                sent += batch.size();
            }
        } while (batch.size() == batchSize);
        return sent;
    }

    /**
     * One broker transaction. The broker refuses a whole transaction holding a message it already has (a resend after a
     * crash between commit and mark): such a batch then goes one message at a time, where it drops only the duplicates.
     */
    private void send(List<OutboxMessage> batch) throws JMSException {
        try {
            send(batch, true);
        } catch (JMSException refused) {
            log.info("outbox batch of {} refused as a transaction ({}); sending it one message at a time", batch.size(), refused.getMessage());
            send(batch, false);
        }
    }

    private void send(List<OutboxMessage> batch, boolean transacted) throws JMSException {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(null)) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (OutboxMessage message : batch) {
                TextMessage out = session.createTextMessage(message.body());
                out.setStringProperty(MessageHeaders.DUPLICATE_ID, message.messageId());
                if (message.groupId() != null) {
                    out.setStringProperty(MessageHeaders.GROUP_ID, message.groupId());
                }
                out.setStringProperty("messageType", message.messageType());
                out.setStringProperty(MessageHeaders.SIGNATURE, signer.sign(message.body()));
                producer.send(destination(session, message.destination()), out);
            }
            if (transacted) {
                session.commit();
            }
        }
    }

    /** "topic:&lt;address&gt;" is multicast (notifications); any other destination is a queue. */
    static Destination destination(Session session, String destination) throws JMSException {
        return destination.startsWith("topic:") ? session.createTopic(destination.substring("topic:".length()))
                : session.createQueue(destination);
    }
}
