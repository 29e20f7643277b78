package io.settlehub.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;

/** The broker's own persistent rate: send in transactions of 100, then receive in transactions of 100. */
final class BrokerBaseline {

    record Result(double sendPerSecond, double receivePerSecond, double sendAndReceivePerSecond) {
    }

    private BrokerBaseline() {
    }

    /** Sent as {@code sender}, received as {@code receiver}: the broker users that publish and consume the queue. */
    static Result measure(ConnectionFactory sender, ConnectionFactory receiver, String queueName, List<String> bodies) throws Exception {
        try (Connection connection = sender.createConnection(); Connection receiving = receiver.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue(queueName);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long sendStart = System.nanoTime();
            for (int i = 0; i < bodies.size(); i++) {
                producer.send(session.createTextMessage(bodies.get(i)));
                if (i % 100 == 99) {
                    session.commit();
                }
            }
            session.commit();
            long sendNanos = System.nanoTime() - sendStart;

            receiving.start();
            session = receiving.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            long receiveStart = System.nanoTime();
            int received = 0;
            while (received < bodies.size()) {
                if (consumer.receive(5000) == null) {
                    throw new IllegalStateException("baseline: only " + received + " of " + bodies.size() + " messages came back");
                }
                if (++received % 100 == 0) {
                    session.commit();
                }
            }
            session.commit();
            long receiveNanos = System.nanoTime() - receiveStart;
            return new Result(perSecond(bodies.size(), sendNanos), perSecond(bodies.size(), receiveNanos),
                    perSecond(bodies.size(), sendNanos + receiveNanos));
        }
    }

    static double perSecond(int count, long nanos) {
        return count / (nanos / 1e9);
    }
}
