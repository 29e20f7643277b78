package io.settlehub.bench;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.marketplace.config.WildberriesProperties;
import io.settlehub.connector.support.feed.Streamed;
import io.settlehub.marketplace.feed.WatermarkStore;
import io.settlehub.marketplace.feed.WildberriesFeed;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.marketplace.partner.wildberries.WildberriesClient;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A Wildberries detailed realization report of 1,000,000 rows (by default) read through the connector's own client,
 * mapper and payout builder from a server that streams it in the finance API's format, each event published to the
 * broker as it is mapped; beside it, in the same run, the same broker's rate for as many pre-built messages sent the
 * same way (persistent, transactions of 1,000). Needs the standalone broker (./hub bench wildberries starts one).
 */
public final class WildberriesReportBenchmark {

    static final int COMMIT_EVERY = 1000;

    private WildberriesReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args.length > 0 ? args[0] : Jvm.env("BENCH_WB_ROWS", "1000000"));
        // publishes as connector-marketplace does
        ActiveMQConnectionFactory factory = BenchBroker.fromEnvironment().factory("connector-marketplace");
        System.out.printf("Settlehub Wildberries report benchmark: %,d rows, pages of 100,000, max heap %,d MB, %d cores%n%n", rows,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());

        try (WildberriesReportServer server = new WildberriesReportServer(rows);
             Connection connection = factory.createConnection()) {
            WildberriesFeed feed = feed(server.url());
            List<String> sample = sampleBodies(server.url());
            double baseline = baseline(connection, sample, rows);

            Jvm.resetPeakHeap();
            long start = System.nanoTime();
            Streamed<LocalDate> result;
            try (Publisher publisher = new Publisher(connection)) {
                result = feed.stream(feed.accounts().get(0), publisher);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = Jvm.peakHeapMb();
            double rowsPerSecond = result.records() / seconds;
            double eventsPerSecond = result.events() / seconds;

            System.out.println("| measure | value |");
            System.out.println("|---|---:|");
            System.out.printf("| broker: pre-built messages published per s (baseline, %,d messages) | %,.0f |%n", rows, baseline);
            System.out.printf("| report rows read, mapped and published per s (%,d rows → %,d events, %,d unmapped) | %,.0f |%n",
                    result.records(), result.events(), result.unmapped(), rowsPerSecond);
            System.out.printf("| events published per s | %,.0f |%n", eventsPerSecond);
            System.out.printf("| **events/s ÷ baseline** | **%.2f** |%n", eventsPerSecond / baseline);
            System.out.printf("| time for the report, s | %,.1f |%n", seconds);
            System.out.printf("| peak heap while reading it, MB | %,d |%n", peak);
        }
    }

    private static WildberriesFeed feed(String url) throws Exception {
        WildberriesProperties properties = new WildberriesProperties(WildberriesClient.Api.FINANCE, null, url, Duration.ofMinutes(5),
                LocalDate.of(2026, 1, 5), 100_000, List.of(new WildberriesProperties.Account("bench", "bench-token")));
        WildberriesClient client = new WildberriesClient(WildberriesClient.Api.FINANCE, url, Duration.ofMinutes(5),
                Retry.ofDefaults("wildberries"), CircuitBreaker.ofDefaults("wildberries"));
        RateLimiterRegistry limiters = RateLimiterRegistry.of(Map.of("wildberries", RateLimiterConfig.custom()
                .limitForPeriod(Integer.MAX_VALUE).limitRefreshPeriod(Duration.ofSeconds(1)).build()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
        return new WildberriesFeed(properties, client, limiters, new WatermarkStore(Files.createTempDirectory("wb-bench")), clock);
    }

    /** 10,000 canonical event bodies as the connector makes them, to be sent over and over as the baseline. */
    private static List<String> sampleBodies(String url) throws Exception {
        List<String> bodies = new ArrayList<>();
        WildberriesProperties.Account account = new WildberriesProperties.Account("bench", "bench-token");
        WildberriesClient client = new WildberriesClient(WildberriesClient.Api.FINANCE, url, Duration.ofMinutes(1),
                Retry.ofDefaults("sample"), CircuitBreaker.ofDefaults("sample"));
        client.page(account.apiToken(), io.github.resilience4j.ratelimiter.RateLimiter.ofDefaults("sample"), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 11, 26), 0, 10_000, row -> io.settlehub.marketplace.mapping.WildberriesRowMapper.map("bench", row)
                        .events().forEach(e -> bodies.add(EventCodec.encode(e))));
        return bodies;
    }

    private static double baseline(Connection connection, List<String> bodies, int count) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue(io.settlehub.contract.Addresses.EVENTS));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            TextMessage message = session.createTextMessage(bodies.get(i % bodies.size()));
            message.setStringProperty(MessageHeaders.EVENT_TYPE, "SALE");
            message.setStringProperty(MessageHeaders.GROUP_ID, "bench");
            message.setStringProperty(MessageHeaders.DUPLICATE_ID, "baseline-" + i);
            producer.send(message);
            if (i % COMMIT_EVERY == COMMIT_EVERY - 1) {
                session.commit();
            }
        }
        session.commit();
        double messagesPerSecond = count / ((System.nanoTime() - start) / 1e9);
        session.close();
        return messagesPerSecond;
    }

    /** Publishes what the feed hands over as the connector's route does (same headers), in transactions of 1,000. */
    private static final class Publisher implements Consumer<Object>, AutoCloseable {

        private final Session session;
        private final MessageProducer events;
        private final MessageProducer unmapped;
        private int sent;

        Publisher(Connection connection) throws JMSException {
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            events = session.createProducer(session.createQueue("bench.wb.events"));
            unmapped = session.createProducer(session.createQueue(Addresses.UNMAPPED));
            events.setDeliveryMode(DeliveryMode.PERSISTENT);
            unmapped.setDeliveryMode(DeliveryMode.PERSISTENT);
        }

        @Override
        public void accept(Object item) {
            try {
                if (item instanceof CanonicalEvent event) {
                    TextMessage message = session.createTextMessage(EventCodec.encode(event));
                    message.setStringProperty(MessageHeaders.EVENT_TYPE, event.type().name());
                    message.setStringProperty(MessageHeaders.SOURCE, event.source());
                    message.setStringProperty(MessageHeaders.GROUP_ID, event.clientId());
                    message.setStringProperty(MessageHeaders.DUPLICATE_ID, event.eventId());
                    events.send(message);
                } else {
                    UnmappedRecord record = (UnmappedRecord) item;
                    TextMessage message = session.createTextMessage(record.json());
                    message.setStringProperty(MessageHeaders.FAILURE_REASON, record.reason());
                    unmapped.send(message);
                }
                if (++sent % COMMIT_EVERY == 0) {
                    session.commit();
                }
            } catch (JMSException e) {
                throw new IllegalStateException("publishing to the broker failed", e);
            }
        }

        @Override
        public void close() throws JMSException {
            session.commit();
            session.close();
        }
    }
}
