package io.settlehub.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The whole performance table of docs/performance.md in one run ({@code ./hub bench report}): this machine's broker and
 * database baselines, then end to end at one and at two consumers (throughput from a backlog, latency and the balance
 * API under steady load, peak heap of settlement-core and of the broker), then the replay of a million events.
 */
public final class PerformanceReport {

    private PerformanceReport() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(Jvm.env("BENCH_EVENTS", "20000"));
        int clients = Integer.parseInt(Jvm.env("BENCH_CLIENTS", "50"));
        int replayEvents = Integer.parseInt(Jvm.env("BENCH_REPLAY_EVENTS", "1000000"));
        int replayClients = Integer.parseInt(Jvm.env("BENCH_REPLAY_CLIENTS", "10000"));
        boolean replayOnly = Boolean.parseBoolean(Jvm.env("BENCH_REPLAY_ONLY", "false"));
        BenchBroker logins = BenchBroker.fromEnvironment();
        System.out.printf("Settlehub performance report, %s, %d cores, Java %s, max heap %,d MB%n%n", LocalDate.now(ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() / (1024 * 1024));

        Baselines baselines = Baselines.measure(logins, clients, events);
        BrokerBaseline.Result broker = baselines.broker();
        double database = baselines.databaseRowsPerSecond();
        double slower = baselines.slower();
        progress("baselines done");
        System.out.println("| baseline, same run | per s |");
        System.out.println("|---|---:|");
        System.out.printf("| broker: persistent send, transactions of 100 | %,.0f |%n", broker.sendPerSecond());
        System.out.printf("| broker: persistent receive, transactions of 100 | %,.0f |%n", broker.receivePerSecond());
        System.out.printf("| **broker: send + receive of each message** | **%,.0f** |%n", broker.sendAndReceivePerSecond());
        System.out.printf("| **PostgreSQL: batch insert of fact rows (one per event), 500 per commit** | **%,.0f** |%n", database);
        System.out.printf("%nSlower baseline: %s, %,.0f/s.%n%n", database < broker.sendAndReceivePerSecond() ? "PostgreSQL" : "broker", slower);
        if (!replayOnly) {
            endToEnd(logins, clients, events, slower);
        }

        System.out.flush();
        // printed after the tables above, so that a long replay cut short leaves them in the report
        IngestRun.Result replay = replayEvents > 0 ? IngestRun.run(logins, replayClients, replayEvents, 1, "", false, true) : null;
        if (replay != null) {
            printReplay(replay, replayClients, slower);
        }
    }

    private static void endToEnd(BenchBroker logins, int clients, int events, double slower)
            throws Exception {
        WarmUp.untilCompiled(logins, clients, events);
        progress("warm-up done");
        IngestRun.Result one = IngestRun.run(logins, clients, events, 1, "", true);
        progress("1 consumer done");
        IngestRun.Result two = IngestRun.run(logins, clients, events, 2, "", true);
        progress("2 consumers done");

        System.out.printf("| end to end, %,d events over %d clients (after unreported warm-up runs) | 1 consumer | 2 consumers |%n",
                events, clients);
        System.out.println("|---|---:|---:|");
        System.out.printf("| events on the broker → committed ledger, events/s | %,.0f | %,.0f |%n", one.perSecond(), two.perSecond());
        System.out.printf("| **ratio to the slower baseline** (aim ≥ 0.8 at one consumer) | **%.2f** | **%.2f** |%n", one.perSecond() / slower,
                two.perSecond() / slower);
        System.out.printf("| JIT compilation while the backlog drained, s of the compiler threads | %.1f | %.1f |%n", one.jitSeconds(),
                two.jitSeconds());
        System.out.printf("| ledger transfers posted | %,d | %,d |%n", one.transfers(), two.transfers());
        System.out.printf("| peak heap, settlement-core, MB | %,d | %,d |%n", one.coreHeapMb(), two.coreHeapMb());
        System.out.printf("| peak heap, broker, MB | %s | %s |%n", mb(one.brokerHeapMb()), mb(two.brokerHeapMb()));
        LiveIngest.Result l1 = one.live();
        LiveIngest.Result l2 = two.live();
        System.out.printf("| steady load: %,d events offered at %,d/s, sent at | %,.0f/s | %,.0f/s |%n", l1.events(), l1.offeredPerSecond(),
                l1.sentPerSecond(), l2.sentPerSecond());
        System.out.printf("| event latency, sent → committed, p50 / p99, ms | %d / %d | %d / %d |%n", l1.latencyP50(), l1.latencyP99(),
                l2.latencyP50(), l2.latencyP99());
        System.out.printf("| **balance API while ingesting, p50 / p99, ms** (aim p99 < 20) | %.1f / **%.1f** | %.1f / **%.1f** |%n",
                l1.apiP50(), l1.apiP99(), l2.apiP50(), l2.apiP99());
        System.out.printf("| balance reads measured | %,d | %,d |%n", l1.apiSamples(), l2.apiSamples());
        System.out.printf("| JIT compilation during the steady load, s of the compiler threads | %.1f | %.1f |%n", l1.jitSeconds(),
                l2.jitSeconds());
    }

    private static void printReplay(IngestRun.Result replay, int replayClients, double slower) {
        System.out.printf("%n| replay of %,d events over %,d clients, 1 consumer | |%n", replay.events(), replayClients);
        System.out.println("|---|---:|");
        System.out.printf("| put on the broker (persistent, transactions of 100) | %.0f s (%,.0f/s) |%n", replay.sendSeconds(),
                replay.events() / replay.sendSeconds());
        System.out.printf("| **drained into the committed ledger** | **%.0f s** (%,.0f events/s, %.2f of the slower baseline) |%n",
                replay.seconds(), replay.perSecond(), replay.perSecond() / slower);
        System.out.printf("| JIT compilation while it drained, s of the compiler threads | %.1f |%n", replay.jitSeconds());
        ProcessCpu.Used cpu = replay.cpu();
        System.out.printf("| CPU while it drained, core-seconds: settlement-core's JVM / PostgreSQL / broker (of %.0f on %d cores) | %.0f / %.0f / %.0f |%n",
                cpu.wallSeconds() * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
                cpu.service(), cpu.database(), cpu.broker());
        System.out.printf("| ledger transfers posted | %,d |%n", replay.transfers());
        System.out.printf("| peak heap: settlement-core / broker, MB | %,d / %s |%n", replay.coreHeapMb(), mb(replay.brokerHeapMb()));
        System.out.printf("| **restart**: a new settlement-core on that database, started until %,d further events are committed | **%.1f s** |%n",
                IngestRun.AFTER_RESTART, replay.restartSeconds());
        System.out.printf("| first alert scan of the restarted service (all changed since the previous one's last scan: %,d orders) | %.1f s |%n",
                replay.catchUp().orders(), replay.catchUp().seconds());
        System.out.printf("| **alert scan** after %,d more events (orders changed in the scan's window: %,d) | **%.1f s** |%n",
                IngestRun.AFTER_RESTART, replay.regular().orders(), replay.regular().seconds());
    }

    private static String mb(long value) {
        return value < 0 ? "n/a" : String.format("%,d", value);
    }

    private static void progress(String what) {
        System.err.println("[bench] " + what);
    }
}
