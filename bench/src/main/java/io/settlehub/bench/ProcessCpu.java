package io.settlehub.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The CPU time the processes of a run used between two moments, as the operating system counts it (user and system):
 * this JVM (the benchmark, hosting settlement-core), PostgreSQL (every {@code postgres} process: backends, WAL writer,
 * checkpointer) and the benchmark broker. A process that ended in between is not counted.
 */
final class ProcessCpu {

    /** Core-seconds each used over an interval of {@code wallSeconds}. */
    record Used(double service, double database, double broker, double wallSeconds) {

        @Override
        public String toString() {
            return String.format("settlement-core's JVM %.1f s, PostgreSQL %.1f s, broker %.1f s of CPU in %.1f s (%d cores: %.1f s)",
                    service, database, broker, wallSeconds, Runtime.getRuntime().availableProcessors(),
                    wallSeconds * Runtime.getRuntime().availableProcessors());
        }
    }

    private final Map<Long, Duration> service;
    private final Map<Long, Duration> database;
    private final Map<Long, Duration> broker;
    private final long startNanos;

    private ProcessCpu() {
        this.service = snapshot(p -> p.pid() == ProcessHandle.current().pid());
        this.database = snapshot(ProcessCpu::isPostgres);
        this.broker = snapshot(ProcessCpu::isBenchBroker);
        this.startNanos = System.nanoTime();
    }

    static ProcessCpu start() {
        return new ProcessCpu();
    }

    Used used() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        return new Used(since(service, p -> p.pid() == ProcessHandle.current().pid()), since(database, ProcessCpu::isPostgres),
                since(broker, ProcessCpu::isBenchBroker), wall);
    }

    private static double since(Map<Long, Duration> before, Predicate<ProcessHandle> which) {
        Duration total = Duration.ZERO;
        for (Map.Entry<Long, Duration> now : snapshot(which).entrySet()) {
            total = total.plus(now.getValue().minus(before.getOrDefault(now.getKey(), Duration.ZERO)));
        }
        return total.toMillis() / 1000.0;
    }

    private static Map<Long, Duration> snapshot(Predicate<ProcessHandle> which) {
        Map<Long, Duration> cpu = new HashMap<>();
        ProcessHandle.allProcesses().filter(which)
                .forEach(p -> p.info().totalCpuDuration().ifPresent(d -> cpu.put(p.pid(), d)));
        return cpu;
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false);
    }

    static boolean isBenchBroker(ProcessHandle process) {
        return process.info().commandLine().map(c -> c.contains("bench-broker") && c.contains("artemis") && c.contains("java"))
                .orElse(false);
    }
}
