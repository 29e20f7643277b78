package io.settlehub.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.core.SettlementCoreApplication;
import io.settlehub.core.ingest.EventBatchConsumer;
import io.settlehub.testsupport.EventPublishers;
import io.settlehub.testsupport.TestDatabase;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One measured ingest: a stream put on {@code hub.events} first, then settlement-core (in this JVM, on a fresh database)
 * started with the given number of consumers, timed from starting its consumer until every event is committed;
 * optionally followed by the steady-load phase ({@link LiveIngest}). Peak heap: this JVM's (the service's, the
 * benchmark holding nothing large meanwhile) and the broker's process, sampled. The benchmark's own API calls are not
 * rate-limited (the service's per-caller limit would otherwise pace them).
 */
final class IngestRun {

    static final String TOKEN = "bench-operator-token-0123456789";

    record Result(int events, int consumers, double seconds, double perSecond, long transfers, long coreHeapMb, long brokerHeapMb,
                  double sendSeconds, LiveIngest.Result live) {
    }

    private IngestRun() {
    }

    static Result run(BenchBroker brokerLogins, int clients, int events, int consumers, String batchSize,
                      boolean live) throws Exception {
        List<CanonicalEvent> stream = io.settlehub.testsupport.EventStreams.generate(clients, events, 20261126L);
        long sendStart = System.nanoTime();
        publish(brokerLogins, stream);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        stream = null; // the measured heap is the service's, not the generated stream's
        String db = TestDatabase.createFresh("bench_core") + "?reWriteBatchedInserts=true";
        ConfigurableApplicationContext core = new SpringApplication(SettlementCoreApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(), "--spring.artemis.broker-url=" + brokerLogins.url(),
                "--spring.artemis.user=settlement-core", "--spring.artemis.password=" + brokerLogins.password("settlement-core"),
                "--hub.signing.ephemeral-key=true",
                "--hub.operator-token=" + TOKEN, "--hub.events.auto-start=false", "--hub.events.consumers=" + consumers,
                "--logging.level.root=WARN", "--hub.security.api-per-second=1000000", "--hub.security.api-burst=1000000",
                batchSize.isEmpty() ? "--bench=default-batch" : "--hub.events.batch-size=" + batchSize);
        try (HeapSampler broker = HeapSampler.ofBroker()) {
            IngestBenchmark.putAgreements(core, TOKEN, clients);
            JdbcTemplate jdbc = core.getBean(JdbcTemplate.class);
            Jvm.resetPeakHeap();
            broker.reset();
            long start = System.nanoTime();
            core.getBean(EventBatchConsumer.class).start();
            // the consumer counts what it committed; reading the counter costs the database nothing
            Counter applied = core.getBean(MeterRegistry.class).counter("hub.events.applied");
            while (applied.count() < events) {
                Thread.sleep(5);
            }
            long nanos = System.nanoTime() - start;
            long coreHeap = Jvm.peakHeapMb();
            long brokerHeap = broker.peakMb();
            long committed = jdbc.queryForObject("select count(*) from event_fact", Long.class);
            if (committed != events) {
                throw new IllegalStateException("expected " + events + " facts committed, found " + committed);
            }
            long transfers = jdbc.queryForObject("select count(*) from transfer", Long.class);
            LiveIngest.Result steady = live ? LiveIngest.measure(core, brokerLogins, TOKEN, clients, applied, events) : null;
            return new Result(events, consumers, nanos / 1e9, BrokerBaseline.perSecond(events, nanos), transfers, coreHeap, brokerHeap,
                    sendSeconds, steady);
        } finally {
            core.close();
        }
    }

    /** The stream as the connectors publish it (each type as its own connector), in transactions of 100. */
    private static void publish(BenchBroker brokerLogins, List<CanonicalEvent> stream) throws Exception {
        try (EventPublishers publishers = new EventPublishers(brokerLogins::factory, true, false)) {
            for (int i = 0; i < stream.size(); i++) {
                publishers.send(stream.get(i));
                if (i % 100 == 99) {
                    publishers.commit();
                }
            }
            publishers.commit();
        }
    }
}
