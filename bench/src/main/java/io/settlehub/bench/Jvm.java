package io.settlehub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** What every benchmark asks of the JVM and the environment. */
final class Jvm {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final AtomicLong PEAK_BYTES = new AtomicLong();

    static {
        // The heap in use, sampled every 50 ms (the sum of each pool's own peak would overstate it: the pools peak at
        // different moments). Sampled like the broker's, so the two figures are comparable.
        Thread sampler = new Thread(() -> {
            while (true) {
                PEAK_BYTES.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    private Jvm() {
    }

    static void resetPeakHeap() {
        System.gc();
        PEAK_BYTES.set(MEMORY.getHeapMemoryUsage().getUsed());
    }

    static long peakHeapMb() {
        return PEAK_BYTES.get() / (1024 * 1024);
    }

    /** The time this JVM's compiler threads have spent compiling so far, in ms (summed over the threads). */
    static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
