package io.settlehub.bench;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.core.SettlementCoreApplication;
import io.settlehub.core.ingest.EventBatchConsumer;
import io.settlehub.testsupport.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Canonical events already on the broker → committed ledger state, against the same broker's and the same
 * database's raw rates measured in the same run. Needs the standalone broker (./hub bench starts one) and
 * PostgreSQL on 127.0.0.1:5432.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(Jvm.env("BENCH_EVENTS", "20000"));
        int clients = Integer.parseInt(Jvm.env("BENCH_CLIENTS", "50"));
        int consumers = Integer.parseInt(Jvm.env("BENCH_CONSUMERS", "1"));
        String batchSize = Jvm.env("BENCH_BATCH_SIZE", "");
        String brokerUrl = Jvm.env("HUB_BROKER_URL", "tcp://127.0.0.1:61646");
        String user = Jvm.env("HUB_BROKER_USER", "hub");
        String password = Jvm.env("HUB_BROKER_PASSWORD", "hub-bench-password");

        List<CanonicalEvent> stream = io.settlehub.testsupport.EventStreams.generate(clients, events, 20261126L);
        List<String> bodies = stream.stream().map(EventCodec::encode).toList();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl, user, password);

        System.out.printf("Settlehub ingest benchmark: %,d events over %d clients, %d consumer(s), batch size %s, %d cores%n%n",
                events, clients, consumers, batchSize.isEmpty() ? "as configured" : batchSize, Runtime.getRuntime().availableProcessors());
        BrokerBaseline.Result broker = BrokerBaseline.measure(factory, "bench.baseline", bodies);
        // Both the baseline and the service use the driver's multi-row rewrite of batched inserts.
        String baselineDb = TestDatabase.createFresh("bench_baseline") + "?reWriteBatchedInserts=true";
        double database = DatabaseBaseline.measure(baselineDb, TestDatabase.user(), TestDatabase.password(), bodies);

        publish(factory, stream, bodies);
        String db = TestDatabase.createFresh("bench_core") + "?reWriteBatchedInserts=true";
        String token = "bench-operator-token-0123456789";
        ConfigurableApplicationContext core = new SpringApplication(SettlementCoreApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(), "--spring.artemis.broker-url=" + brokerUrl,
                "--spring.artemis.user=" + user, "--spring.artemis.password=" + password, "--hub.operator-token=" + token,
                "--hub.events.auto-start=false", "--hub.events.consumers=" + consumers, "--logging.level.root=WARN",
                batchSize.isEmpty() ? "--bench=default-batch" : "--hub.events.batch-size=" + batchSize);
        try {
            putAgreements(core, token, clients);
            JdbcTemplate jdbc = core.getBean(JdbcTemplate.class);
            Jvm.resetPeakHeap();
            long start = System.nanoTime();
            core.getBean(EventBatchConsumer.class).start();
            // the consumer counts what it committed; reading the counter costs the database nothing
            io.micrometer.core.instrument.Counter applied = core.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .counter("hub.events.applied");
            while (applied.count() < events) {
                Thread.sleep(5);
            }
            long nanos = System.nanoTime() - start;
            double endToEnd = BrokerBaseline.perSecond(events, nanos);
            double slower = Math.min(broker.sendAndReceivePerSecond(), database);
            System.out.println("| measure | rate (per s) | ratio to slower baseline |");
            System.out.println("|---|---:|---:|");
            System.out.printf("| broker persistent send, tx of 100 | %,.0f | |%n", broker.sendPerSecond());
            System.out.printf("| broker persistent receive, tx of 100 | %,.0f | |%n", broker.receivePerSecond());
            System.out.printf("| broker send+receive (baseline) | %,.0f | %.2f |%n", broker.sendAndReceivePerSecond(),
                    broker.sendAndReceivePerSecond() / slower);
            System.out.printf("| PostgreSQL batch insert of fact rows, 500 per commit (baseline) | %,.0f | %.2f |%n", database, database / slower);
            System.out.printf("| **end to end: events on the broker → committed ledger** | **%,.0f** | **%.2f** |%n", endToEnd, endToEnd / slower);
            long committed = jdbc.queryForObject("select count(*) from event_fact", Long.class);
            if (committed != events) {
                throw new IllegalStateException("expected " + events + " facts committed, found " + committed);
            }
            System.out.printf("%nend to end: %,d events in %.2f s; peak heap during ingest %,d MB; transfers posted %,d%n", events,
                    nanos / 1e9, Jvm.peakHeapMb(), jdbc.queryForObject("select count(*) from transfer", Long.class));
            LiveIngest.measure(core, factory, token, clients, applied, events);
        } finally {
            core.close();
        }
    }

    private static void publish(ActiveMQConnectionFactory factory, List<CanonicalEvent> stream, List<String> bodies) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(Addresses.EVENTS));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < stream.size(); i++) {
                CanonicalEvent event = stream.get(i);
                TextMessage message = session.createTextMessage(bodies.get(i));
                message.setStringProperty(MessageHeaders.EVENT_TYPE, event.type().name());
                message.setStringProperty(MessageHeaders.GROUP_ID, event.clientId() == null ? "reference-data" : event.clientId());
                producer.send(message);
                if (i % 100 == 99) {
                    session.commit();
                }
            }
            session.commit();
        }
    }

    static void putAgreements(ConfigurableApplicationContext core, String token, int clients) throws Exception {
        putAgreements(core, token, clients, "bench-");
    }

    static void putAgreements(ConfigurableApplicationContext core, String token, int clients, String prefix) throws Exception {
        int port = Integer.parseInt(core.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newHttpClient();
        for (int c = 0; c < clients; c++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/"
                            + prefix + c)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Bench " + c + "\", \"commissionRate\": \"0.05\","
                            + " \"payoutCurrency\": \"RUB\", \"minimumPayout\": \"1000.00\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("agreement for client " + c + ": " + response.body());
            }
        }
    }
}
