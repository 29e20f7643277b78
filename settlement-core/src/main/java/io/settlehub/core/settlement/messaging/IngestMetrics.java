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
    private final Counter continuedClients;
    private final Counter rederivedClients;

    public IngestMetrics(MeterRegistry registry) {
        applied = registry.counter("hub.events.applied");
        duplicates = registry.counter("hub.events.duplicates");
        conflicts = registry.counter("hub.events.conflicts");
        deadLettered = registry.counter("hub.events.dead_lettered");
        batches = registry.timer("hub.events.batch");
        continuedClients = registry.counter("hub.settlement.clients", "how", "continued");
        rederivedClients = registry.counter("hub.settlement.clients", "how", "rederived");
    }

    void recordBatch(SettlementService.IngestResult result, long nanos) {
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        conflicts.increment(result.conflicts());
        batches.record(nanos, TimeUnit.NANOSECONDS);
        continuedClients.increment(result.continued());
        rederivedClients.increment(result.rederived());
    }

    /** Messages dead-lettered by a batch, counted once the broker committed it (a rolled-back batch counts nothing). */
    void deadLettered(int messages) {
        deadLettered.increment(messages);
    }
}
