package io.settlehub.core.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.contract.Addresses;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The depth of the hub's queues and dead-letter queues, asked of the broker through its management address every
 * {@code hub.ops.queue-metrics-interval} and kept for the scrapes: {@code hub_queue_messages{queue="…"}} (NaN while the
 * broker does not answer; 0 for a queue that does not exist yet).
 */
@Component
public class BrokerQueueMetrics {

    static final List<String> QUEUES = Stream.concat(Stream.of(Addresses.EVENTS, Addresses.PAYMENT_INSTRUCTIONS,
            Addresses.ACCOUNTING_EXPORTS, Addresses.UNMAPPED, Addresses.DISCREPANCIES), DeadLetters.QUEUES.stream()).toList();
    private static final Logger log = LoggerFactory.getLogger(BrokerQueueMetrics.class);

    private final ConnectionFactory connections;
    private final Map<String, Double> depth = new ConcurrentHashMap<>();

    public BrokerQueueMetrics(ConnectionFactory connections, MeterRegistry registry) {
        this.connections = connections;
        for (String queue : QUEUES) {
            depth.put(queue, Double.NaN);
            Gauge.builder("hub.queue.messages", depth, d -> d.getOrDefault(queue, Double.NaN)).tag("queue", queue)
                    .description("messages waiting on the broker queue").register(registry);
        }
    }

    @Scheduled(fixedDelayString = "${hub.ops.queue-metrics-interval:15s}", initialDelay = 2000)
    public void refresh() {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageProducer requests = session.createProducer(session.createQueue("activemq.management"));
            MessageConsumer answers = session.createConsumer(replies);
            connection.start();
            for (String queue : QUEUES) {
                Message request = session.createMessage();
                request.setJMSReplyTo(replies);
                JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
                requests.send(request);
                Message reply = answers.receive(5000);
                boolean found = reply != null && JMSManagementHelper.hasOperationSucceeded(reply);
                depth.put(queue, found ? ((Number) JMSManagementHelper.getResult(reply)).doubleValue() : 0.0);
            }
        } catch (Exception e) {
            QUEUES.forEach(q -> depth.put(q, Double.NaN));
            log.debug("queue depths unavailable: {}", e.getMessage());
        }
    }

    /** The last depths read, by queue. */
    public Map<String, Double> depths() {
        return Map.copyOf(depth);
    }
}
