package io.settlehub.core.settlement.messaging;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.core.alerts.Alert;
import io.settlehub.core.messaging.MessageCopies;
import io.settlehub.core.messaging.MessageSenders;
import io.settlehub.core.settlement.service.SettlementService;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
 * <p>Invalid messages go to {@code DLQ.hub.events} with the reason, in the same broker transaction, and so do events
 * whose sender may not publish their type ({@link SenderAuthority}; an alert is raised): whatever a message carries,
 * it alone is dead-lettered and the rest of its batch commits. When the database is unreachable the batch is held and
 * retried with backoff — never dead-lettered. Any other failure splits the batch to find the poison message, which alone
 * goes to the DLQ.
 *
 * <p>A batch's events are applied in {@link io.settlehub.core.settlement.BatchParts} — disjoint sets of clients — by as many transactions at once
 * (decision 0017): one core derives while the database writes for the other part. The broker commit waits for every
 * part; a part that committed before another failed is redelivered with the batch and found already applied.
 */
public class EventBatchConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventBatchConsumer.class);

    private final ConnectionFactory connectionFactory;
    private final SettlementService settlement;
    private final IngestMetrics metrics;
    private final MessageSenders senders;
    private final SenderAuthority authority;
    private final Consumer<Alert> alerts;
    private final Settings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();
    private volatile ExecutorService partAppliers;

    /**
     * Batch size, how long to wait for a batch to fill, parallel consumers, parts a batch is applied in at once,
     * database-outage backoff, start with the app.
     */
    public record Settings(int batchSize, Duration batchWait, int consumers, int applyParts, Duration retryInitial, Duration retryMax,
                           boolean autoStart) {

        public Settings {
            if (applyParts < 1) {
                throw new IllegalArgumentException("hub.events.apply-parts must be at least 1, not " + applyParts);
            }
        }
    }

    /** The services the consumer works with: who sent a message, who may send what, and where refusals are raised. */
    public record Trust(MessageSenders senders, SenderAuthority authority, Consumer<Alert> alerts) {
    }

    public EventBatchConsumer(ConnectionFactory connectionFactory, SettlementService settlement, IngestMetrics metrics,
                              Trust trust, Settings settings) {
        this.connectionFactory = connectionFactory;
        this.settlement = settlement;
        this.metrics = metrics;
        this.senders = trust.senders();
        this.authority = trust.authority();
        this.alerts = trust.alerts();
        this.settings = settings;
    }

    @Override
    public void start() {
        running.set(true);
        if (settings.applyParts() > 1) {
            java.util.concurrent.atomic.AtomicInteger named = new java.util.concurrent.atomic.AtomicInteger();
            partAppliers = Executors.newFixedThreadPool(settings.consumers() * (settings.applyParts() - 1), task -> {
                Thread thread = new Thread(task, "hub-events-part-" + named.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
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
        if (partAppliers != null) {
            partAppliers.shutdown();
            partAppliers = null;
        }
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
                    long asked = System.nanoTime();
                    List<Message> batch = receiveBatch(consumer);
                    if (!batch.isEmpty()) {
                        long received = System.nanoTime();
                        Processed processed = process(batch, session, deadLetters);
                        long committing = System.nanoTime();
                        session.commit();
                        metrics.recordPhases(received - asked, processed.decodeNanos(), System.nanoTime() - committing);
                        metrics.deadLettered(processed.deadLettered());
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

    /** A message of the batch that goes to the dead-letter queue, why, and whether for its sender. */
    private record Failed(Message message, String sender, String reason, boolean refused) {
    }

    /** What processing a batch did: how many messages it dead-lettered, how long decoding and checking them took. */
    private record Processed(int deadLettered, long decodeNanos) {
    }

    /**
     * Applies the batch's valid events and dead-letters the rest, each alone: a message that cannot be decoded, one its
     * sender may not send, one whose application fails.
     */
    private Processed process(List<Message> batch, Session session, MessageProducer deadLetters) throws JMSException {
        long started = System.nanoTime();
        List<CanonicalEvent> events = new ArrayList<>(batch.size());
        List<Message> valid = new ArrayList<>(batch.size());
        List<String> validSenders = new ArrayList<>(batch.size());
        List<Failed> failed = new ArrayList<>();
        for (Message message : batch) {
            String sender = senders.of(message);
            CanonicalEvent event;
            String body;
            try {
                body = MessageCopies.body(message);
                event = EventCodec.decode(body);
            } catch (InvalidMessageException e) {
                failed.add(new Failed(message, sender, "invalid event: " + e.getMessage(), false));
                continue;
            }
            Optional<String> refusal = authority.refusal(event.type(), sender, body, message.getStringProperty(MessageHeaders.SIGNATURE));
            if (refusal.isPresent()) {
                failed.add(new Failed(message, sender, "refused: " + refusal.get(), true));
                alerts.accept(Alert.messageRefused(event.eventId(), "event " + event.eventId() + " (" + event.type() + ", client "
                        + event.clientId() + ") refused: " + refusal.get()));
                continue;
            }
            events.add(event);
            valid.add(message);
            validSenders.add(sender);
        }
        long decoded = System.nanoTime() - started;
        if (!events.isEmpty()) {
            try {
                applyInParts(events);
            } catch (RuntimeException batchFailure) {
                if (!running.get()) {
                    throw batchFailure; // stopping: the batch is redelivered to the next start, not isolated into the DLQ
                }
                log.warn("batch of {} failed ({}); applying it by halves to isolate the cause", events.size(), batchFailure.toString());
                List<Integer> positions = java.util.stream.IntStream.range(0, events.size()).boxed().toList();
                FailingEvents.of(positions, some -> applyRetryingOutages(some.stream().map(events::get).toList()))
                        .forEach((i, single) -> failed.add(new Failed(valid.get(i), validSenders.get(i), "could not apply: " + single, false)));
            }
        }
        for (Failed message : failed) {
            deadLetter(session, deadLetters, message);
        }
        return new Processed(failed.size(), decoded);
    }

    private void applyInParts(List<CanonicalEvent> events) {
        long started = System.nanoTime();
        BatchInParts.Applied applied = new BatchInParts(settings.applyParts(), partAppliers).apply(events, this::ingestRetryingOutages);
        metrics.recordBatch(applied.result(), System.nanoTime() - started);
        if (applied.parts() > 1) {
            metrics.recordSplit();
        }
    }

    private void applyRetryingOutages(List<CanonicalEvent> events) {
        long started = System.nanoTime();
        SettlementService.IngestResult result = ingestRetryingOutages(events);
        metrics.recordBatch(result, System.nanoTime() - started);
    }

    private SettlementService.IngestResult ingestRetryingOutages(List<CanonicalEvent> events) {
        long backoff = settings.retryInitial().toMillis();
        while (true) {
            try {
                return settlement.ingest(events);
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

    private void deadLetter(Session session, MessageProducer deadLetters, Failed failed) throws JMSException {
        log.warn("dead-lettering message {} from {}: {}", failed.message().getJMSMessageID(), failed.sender(), failed.reason());
        Message copy = MessageCopies.copy(session, failed.message(), java.util.Set.of());
        copy.setStringProperty(MessageHeaders.FAILURE_REASON, failed.reason());
        if (failed.sender() != null) {
            copy.setStringProperty(MessageHeaders.ORIGINAL_SENDER, failed.sender());
        }
        if (failed.refused()) {
            copy.setBooleanProperty(MessageHeaders.REFUSED, true);
        }
        deadLetters.send(copy);
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
