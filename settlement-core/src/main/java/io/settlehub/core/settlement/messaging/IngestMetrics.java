package io.settlehub.core.settlement.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.settlehub.core.settlement.service.SettlementService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Counters of what the event consumer did, on /actuator/prometheus. */
@Component
public class IngestMetrics {

    private final Counter applied;
    private final Counter duplicates;
    private final Counter conflicts;
    private final Counter deadLettered;
    private final Timer batches;
    private final Counter batchesInParts;
    private final Counter continuedClients;
    private final Counter rederivedClients;
    private final Timer receiving;
    private final Timer decoding;
    private final Timer committing;

    public IngestMetrics(MeterRegistry registry) {
        applied = registry.counter("hub.events.applied");
        duplicates = registry.counter("hub.events.duplicates");
        conflicts = registry.counter("hub.events.conflicts");
        deadLettered = registry.counter("hub.events.dead_lettered");
        batches = registry.timer("hub.events.batch");
        batchesInParts = registry.counter("hub.events.batch.split");
        continuedClients = registry.counter("hub.settlement.clients", "how", "continued");
        rederivedClients = registry.counter("hub.settlement.clients", "how", "rederived");
        receiving = registry.timer("hub.events.batch.phase", "phase", "receive");
        decoding = registry.timer("hub.events.batch.phase", "phase", "decode");
        committing = registry.timer("hub.events.batch.phase", "phase", "broker-commit");
    }

    void recordBatch(SettlementService.IngestResult result, long nanos) {
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        conflicts.increment(result.conflicts());
        batches.record(nanos, TimeUnit.NANOSECONDS);
        continuedClients.increment(result.continued());
        rederivedClients.increment(result.rederived());
    }

    /** A batch was applied in several parts at once (decision 0017). */
    void recordSplit() {
        batchesInParts.increment();
    }

    /**
     * Where a batch's time went besides applying it: taking its messages from the broker (from asking for the first),
     * decoding and checking them, and the broker's commit of their acknowledgements.
     */
    void recordPhases(long receiveNanos, long decodeNanos, long commitNanos) {
        receiving.record(receiveNanos, TimeUnit.NANOSECONDS);
        decoding.record(decodeNanos, TimeUnit.NANOSECONDS);
        committing.record(commitNanos, TimeUnit.NANOSECONDS);
    }

    /** Messages dead-lettered by a batch, counted once the broker committed it (a rolled-back batch counts nothing). */
    void deadLettered(int messages) {
        deadLettered.increment(messages);
    }
}
