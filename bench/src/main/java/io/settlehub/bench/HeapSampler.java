package io.settlehub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap in use of another JVM (the standalone broker), sampled four times a second with the JDK's {@code jstat}:
 * survivor, eden and old generation used, the peak kept. A sampled peak can miss a spike shorter than the interval.
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final AtomicLong peakKb = new AtomicLong(-1);

    private HeapSampler(Process jstat) {
        this.jstat = jstat;
        Thread reader = new Thread(this::read, "bench-heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    /** The benchmark broker started by ./hub bench (its instance directory is {@code bench-broker}); none if not found. */
    static HeapSampler ofBroker() throws IOException {
        Optional<ProcessHandle> broker = ProcessHandle.allProcesses().filter(ProcessCpu::isBenchBroker).findFirst();
        if (broker.isEmpty()) {
            return new HeapSampler(null);
        }
        String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        return new HeapSampler(new ProcessBuilder(List.of(jstat, "-gc", String.valueOf(broker.get().pid()), "250"))
                .redirectErrorStream(true).start());
    }

    private void read() {
        if (jstat == null) {
            return;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
            List<String> header = null;
            String line;
            while ((line = lines.readLine()) != null) {
                List<String> fields = Arrays.asList(line.trim().split("\\s+"));
                if (fields.contains("EU")) {
                    header = fields;
                } else if (header != null && fields.size() == header.size()) {
                    double used = 0;
                    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                        used += Double.parseDouble(fields.get(header.indexOf(column)));
                    }
                    long kb = (long) used;
                    peakKb.accumulateAndGet(kb, Math::max);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the sampler ends with the benchmark; a line it cannot read is skipped
        }
    }

    void reset() {
        peakKb.set(-1);
    }

    /** The peak heap in use since the last reset, MB; -1 if the broker process was not found. */
    long peakMb() {
        long kb = peakKb.get();
        return kb < 0 ? -1 : kb / 1024;
    }

    @Override
    public void close() {
        if (jstat != null) {
            jstat.destroy();
        }
    }
}
