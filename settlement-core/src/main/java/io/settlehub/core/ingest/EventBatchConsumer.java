package io.settlehub.core.ingest;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.InvalidMessageException;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes {@code hub.events} in batches: up to {@code batchSize} messages are applied in one database
 * transaction and acknowledged with one broker commit, after the database commit. A crash in between
 * redelivers the batch, which the eventId makes harmless.
 *
 * <p>Plain JMS rather than a Camel route: Camel's JMS consumer acknowledges per message, and aggregating
 * inside a transacted route is not supported, so batching needs its own transacted session
 * (docs/decisions/0002-batched-event-consumer.md).
 *
 * <p>Invalid messages go to {@code DLQ.hub.events} with the reason, in the same broker transaction. When
 * the database is unreachable the batch is held and retried with backoff — never dead-lettered. Any other
 * failure splits the batch to find the poison message, which alone goes to the DLQ.
 */
public class EventBatchConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventBatchConsumer.class);

    private final ConnectionFactory connectionFactory;
    private final SettlementService settlement;
    private final IngestMetrics metrics;
    private final Settings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    /** Batch size, how long to wait for a batch to fill, parallel consumers, database-outage backoff, start with the app. */
    public record Settings(int batchSize, Duration batchWait, int consumers, Duration retryInitial, Duration retryMax,
                           boolean autoStart) {
    }

    public EventBatchConsumer(ConnectionFactory connectionFactory, SettlementService settlement, IngestMetrics metrics,
                              Settings settings) {
        this.connectionFactory = connectionFactory;
        this.settlement = settlement;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public void start() {
        running.set(true);
        for (int i = 0; i < settings.consumers(); i++) {
            Thread worker = new Thread(this::consumeUntilStopped, "hub-events-consumer-" + i);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public void stop() {
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void consumeUntilStopped() {
        long backoff = settings.retryInitial().toMillis();
        while (running.get()) {
            try (Connection connection = connectionFactory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(Addresses.EVENTS));
                MessageProducer deadLetters = session.createProducer(session.createQueue(Addresses.EVENTS_DLQ));
                connection.start();
                backoff = settings.retryInitial().toMillis();
                while (running.get()) {
                    List<Message> batch = receiveBatch(consumer);
                    if (!batch.isEmpty()) {
                        process(batch, session, deadLetters);
                        session.commit();
                    }
                }
            } catch (JMSException | RuntimeException e) {
                if (running.get()) {
                    log.warn("event consumer lost its broker session ({}); reconnecting in {} ms", e.getMessage(), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
                }
            }
        }
    }

    private List<Message> receiveBatch(MessageConsumer consumer) throws JMSException {
        List<Message> batch = new ArrayList<>();
        Message first = consumer.receive(500);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + settings.batchWait().toNanos();
        while (batch.size() < settings.batchSize()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            Message next = left > 0 ? consumer.receive(left) : consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void process(List<Message> batch, Session session, MessageProducer deadLetters) throws JMSException {
        List<CanonicalEvent> events = new ArrayList<>(batch.size());
        List<Message> valid = new ArrayList<>(batch.size());
        for (Message message : batch) {
            try {
                events.add(EventCodec.decode(bodyOf(message)));
                valid.add(message);
            } catch (InvalidMessageException e) {
                deadLetter(session, deadLetters, message, "invalid event: " + e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            applyRetryingOutages(events);
        } catch (RuntimeException batchFailure) {
            log.warn("batch of {} failed ({}); applying one by one to isolate the cause", events.size(), batchFailure.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    applyRetryingOutages(List.of(events.get(i)));
                } catch (RuntimeException single) {
                    deadLetter(session, deadLetters, valid.get(i), "could not apply: " + single);
                }
            }
        }
    }

    private void applyRetryingOutages(List<CanonicalEvent> events) {
        long backoff = settings.retryInitial().toMillis();
        while (true) {
            try {
                long started = System.nanoTime();
                SettlementService.IngestResult result = settlement.ingest(events);
                metrics.recordBatch(result, System.nanoTime() - started);
                return;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.is(e)) {
                    throw e;
                }
                if (!running.get()) {
                    throw new IllegalStateException("stopping while the database is unreachable", e);
                }
                log.warn("database unreachable ({}); holding {} event(s), retrying in {} ms", e.getMessage(), events.size(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
            }
        }
    }

    private void deadLetter(Session session, MessageProducer deadLetters, Message message, String reason) throws JMSException {
        String body;
        try {
            body = bodyOf(message);
        } catch (InvalidMessageException e) {
            body = "";
        }
        log.warn("dead-lettering message {}: {}", message.getJMSMessageID(), reason);
        metrics.deadLettered();
        deadLetters.send(DeadLetters.copyWithReason(session, message, body, reason));
    }

    static String bodyOf(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText() == null ? "" : text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] data = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(data);
            return new String(data, StandardCharsets.UTF_8);
        }
        throw new InvalidMessageException("", "unsupported message kind " + message.getClass().getSimpleName()
                + " (send text or bytes)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isAutoStartup() {
        return settings.autoStart();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

}
