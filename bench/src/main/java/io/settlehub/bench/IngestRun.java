package io.settlehub.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.core.SettlementCoreApplication;
import io.settlehub.core.settlement.messaging.EventBatchConsumer;
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

    /**
     * {@code restartSeconds}: from starting a new service on the database left behind until further events are committed;
     * {@code catchUp}: the first alert scan of that service (all that changed since the previous service's last scan);
     * {@code regular}: its next scan, after {@link #AFTER_RESTART} more events (null: not measured); {@code jitSeconds}: the
     * time the JVM's compiler threads spent compiling while the backlog drained (elapsed, summed over the threads);
     * {@code cpu}: what each process used meanwhile.
     */
    record Result(int events, int consumers, double seconds, double perSecond, long transfers, long coreHeapMb, long brokerHeapMb,
                  double sendSeconds, LiveIngest.Result live, double restartSeconds, Scan catchUp, Scan regular, double jitSeconds,
                  ProcessCpu.Used cpu) {
    }

    /** An alert scan: how long it took and how many orders changed since its mark (what it looks at). */
    record Scan(double seconds, long orders) {
    }

    /** Events published after the stream, for a restarted service to apply. */
    static final int AFTER_RESTART = 2_000;

    private IngestRun() {
    }

    static Result run(BenchBroker brokerLogins, int clients, int events, int consumers, String batchSize,
                      boolean live) throws Exception {
        return run(brokerLogins, clients, events, consumers, batchSize, live, false);
    }

    static Result run(BenchBroker brokerLogins, int clients, int events, int consumers, String batchSize,
                      boolean live, boolean restart) throws Exception {
        List<CanonicalEvent> stream = io.settlehub.testsupport.EventStreams.generate(clients, events, 20261126L);
        long sendStart = System.nanoTime();
        publish(brokerLogins, stream);
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        stream = null; // the measured heap is the service's, not the generated stream's
        String db = TestDatabase.createFresh("bench_core") + "?reWriteBatchedInserts=true";
        ConfigurableApplicationContext core = start(brokerLogins, db, consumers, batchSize);
        boolean closed = false;
        try (HeapSampler broker = HeapSampler.ofBroker()) {
            IngestBenchmark.putAgreements(core, TOKEN, clients);
            JdbcTemplate jdbc = core.getBean(JdbcTemplate.class);
            Jvm.resetPeakHeap();
            broker.reset();
            long compilingBefore = Jvm.compilationMillis();
            ProcessCpu cpuBefore = ProcessCpu.start();
            long start = System.nanoTime();
            core.getBean(EventBatchConsumer.class).start();
            // the consumer counts what it committed; reading the counter costs the database nothing
            Counter applied = core.getBean(MeterRegistry.class).counter("hub.events.applied");
            while (applied.count() < events) {
                Thread.sleep(5);
            }
            long nanos = System.nanoTime() - start;
            double jitSeconds = (Jvm.compilationMillis() - compilingBefore) / 1000.0;
            ProcessCpu.Used cpu = cpuBefore.used();
            printPhases(core.getBean(MeterRegistry.class), nanos);
            System.err.printf("[bench] JIT compilation meanwhile: %.1f s of the compiler threads' time%n", jitSeconds);
            System.err.printf("[bench] CPU meanwhile: %s%n", cpu);
            long coreHeap = Jvm.peakHeapMb();
            long brokerHeap = broker.peakMb();
            long committed = jdbc.queryForObject("select count(*) from event_fact", Long.class);
            if (committed != events) {
                throw new IllegalStateException("expected " + events + " facts committed, found " + committed);
            }
            long transfers = jdbc.queryForObject("select count(*) from transfer", Long.class);
            LiveIngest.Result steady = live ? LiveIngest.measure(core, brokerLogins, TOKEN, clients, applied, events) : null;
            double restartSeconds = -1;
            Scan catchUp = null;
            Scan regular = null;
            if (restart) {
                core.close();
                closed = true;
                publish(brokerLogins, io.settlehub.testsupport.EventStreams.generate(clients, events + AFTER_RESTART, 20261126L)
                        .subList(events, events + AFTER_RESTART));
                long restartAt = System.nanoTime();
                ConfigurableApplicationContext again = start(brokerLogins, db, consumers, batchSize);
                try {
                    again.getBean(EventBatchConsumer.class).start();
                    Counter afterRestart = again.getBean(MeterRegistry.class).counter("hub.events.applied");
                    while (afterRestart.count() < AFTER_RESTART) {
                        Thread.sleep(5);
                    }
                    restartSeconds = (System.nanoTime() - restartAt) / 1e9;
                    catchUp = scan(again);
                    publish(brokerLogins, io.settlehub.testsupport.EventStreams.generate(clients, events + 2 * AFTER_RESTART, 20261126L)
                            .subList(events + AFTER_RESTART, events + 2 * AFTER_RESTART));
                    while (afterRestart.count() < 2 * AFTER_RESTART) {
                        Thread.sleep(5);
                    }
                    regular = scan(again);
                } finally {
                    again.close();
                }
            }
            return new Result(events, consumers, nanos / 1e9, BrokerBaseline.perSecond(events, nanos), transfers, coreHeap, brokerHeap,
                    sendSeconds, steady, restartSeconds, catchUp, regular, jitSeconds, cpu);
        } finally {
            if (!closed) {
                core.close();
            }
        }
    }

    /** Where the consumers' time went (summed over consumers), from the service's own batch timers. */
    private static void printPhases(MeterRegistry registry, long nanos) {
        java.util.function.Function<String, Double> phase = name -> registry.find("hub.events.batch.phase").tag("phase", name).timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS);
        System.err.printf("[bench] consumer time over %.1f s: receive %.1f s, decode and check %.1f s, apply %.1f s (%d batches),"
                        + " broker commit %.1f s%n", nanos / 1e9, phase.apply("receive"), phase.apply("decode"),
                registry.timer("hub.events.batch").totalTime(java.util.concurrent.TimeUnit.SECONDS), registry.timer("hub.events.batch").count(),
                phase.apply("broker-commit"));
    }

    private static ConfigurableApplicationContext start(BenchBroker brokerLogins, String db, int consumers, String batchSize) {
        return new SpringApplication(SettlementCoreApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(), "--spring.artemis.broker-url=" + brokerLogins.url(),
                "--spring.artemis.user=settlement-core", "--spring.artemis.password=" + brokerLogins.password("settlement-core"),
                "--hub.signing.ephemeral-key=true",
                "--hub.operator-token=" + TOKEN, "--hub.events.auto-start=false", "--hub.events.consumers=" + consumers,
                "--logging.level.root=WARN", "--hub.security.api-per-second=1000000", "--hub.security.api-burst=1000000",
                batchSize.isEmpty() ? "--bench=default-batch" : "--hub.events.batch-size=" + batchSize);
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

    private static Scan scan(ConfigurableApplicationContext core) {
        org.springframework.jdbc.core.JdbcTemplate jdbc = core.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        java.sql.Timestamp since = jdbc.query("select scanned_to from scan_mark where name = ?",
                rs -> rs.next() ? rs.getTimestamp(1) : new java.sql.Timestamp(0), io.settlehub.core.alerts.AlertScan.ORDERS);
        long orders = jdbc.queryForObject("select count(*) from settlement_order where changed_at >= ?", Long.class, since);
        long at = System.nanoTime();
        core.getBean(io.settlehub.core.alerts.AlertScan.class).scan();
        return new Scan((System.nanoTime() - at) / 1e9, orders);
    }
}
