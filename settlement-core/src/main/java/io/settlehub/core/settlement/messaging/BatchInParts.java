package io.settlehub.core.settlement.messaging;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.core.settlement.BatchParts;
import io.settlehub.core.settlement.service.SettlementService.IngestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch in its {@link BatchParts} at once (decision 0017): the calling thread takes the first part, the
 * {@code others} executor the rest, each part by {@code ingest} in its own transaction. When a part fails the batch is
 * applied again whole (what the other parts committed is then found applied), so a failure that reaches the caller is
 * one of the whole batch, which the caller isolates by halves ({@link FailingEvents}).
 */
final class BatchInParts {

    private static final Logger log = LoggerFactory.getLogger(BatchInParts.class);

    /** What applying the batch did, and in how many parts it was applied (1: whole, also after a part failed). */
    record Applied(IngestResult result, int parts) {
    }

    private final int parts;
    private final ExecutorService others;

    BatchInParts(int parts, ExecutorService others) {
        this.parts = parts;
        this.others = others;
    }

    Applied apply(List<CanonicalEvent> events, Function<List<CanonicalEvent>, IngestResult> ingest) {
        List<List<CanonicalEvent>> split = BatchParts.of(events, others == null ? 1 : parts);
        if (split.size() == 1) {
            return new Applied(ingest.apply(events), 1);
        }
        List<Future<IngestResult>> elsewhere = new ArrayList<>();
        for (List<CanonicalEvent> part : split.subList(1, split.size())) {
            elsewhere.add(others.submit(() -> ingest.apply(part)));
        }
        RuntimeException failure = null;
        List<IngestResult> results = new ArrayList<>();
        try {
            results.add(ingest.apply(split.get(0)));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<IngestResult> part : elsewhere) {
            try {
                results.add(part.get());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted while a part of the batch was applied", e);
            }
        }
        if (failure == null) {
            return new Applied(IngestResult.sum(results), split.size());
        }
        log.warn("a part of a batch of {} failed ({}); applying the batch whole", events.size(), failure.toString());
        return new Applied(ingest.apply(events), 1);
    }
}
