package io.settlehub.core.settlement.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import io.settlehub.core.settlement.service.SettlementService.IngestResult;
import io.settlehub.testsupport.EventStreams;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchInPartsTest {

    private final ExecutorService others = Executors.newSingleThreadExecutor();
    private final List<CanonicalEvent> batch = EventStreams.generate(50, 2001, 7L).stream()
            .filter(e -> e.type() != EventType.FX_RATE).toList();
    private final List<List<CanonicalEvent>> calls = new CopyOnWriteArrayList<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        others.shutdownNow();
    }

    private Function<List<CanonicalEvent>, IngestResult> recording(java.util.function.Predicate<List<CanonicalEvent>> fails) {
        return events -> {
            calls.add(events);
            threads.add(Thread.currentThread().getName());
            if (fails.test(events)) {
                throw new IllegalStateException("refused " + events.size());
            }
            return new IngestResult(events.size(), 0, 0, 1, 0);
        };
    }

    @Test
    void the_parts_are_applied_on_two_threads_and_their_results_added_up() {
        BatchInParts.Applied applied = new BatchInParts(2, others).apply(batch, recording(events -> false));

        assertThat(applied.parts()).isEqualTo(2);
        assertThat(applied.result()).isEqualTo(new IngestResult(batch.size(), 0, 0, 2, 0));
        assertThat(calls).hasSize(2).allSatisfy(part -> assertThat(part.size()).isLessThan(batch.size()));
        assertThat(threads).hasSize(2);
    }

    @Test
    void when_a_part_fails_the_batch_is_applied_again_whole() {
        CanonicalEvent bad = batch.get(1000);
        BatchInParts.Applied applied = new BatchInParts(2, others).apply(batch,
                recording(events -> events.size() < batch.size() && events.contains(bad)));

        assertThat(applied.parts()).isEqualTo(1);
        assertThat(applied.result().applied()).isEqualTo(batch.size());
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2)).isEqualTo(batch);
    }

    @Test
    void when_the_whole_batch_fails_too_the_caller_gets_the_failure_to_isolate_the_bad_event() {
        CanonicalEvent bad = batch.get(1000);
        assertThatThrownBy(() -> new BatchInParts(2, others).apply(batch, recording(events -> events.contains(bad))))
                .hasMessage("refused " + batch.size());
    }

    @Test
    void without_a_second_thread_the_batch_is_applied_whole() {
        BatchInParts.Applied applied = new BatchInParts(1, null).apply(batch, recording(events -> false));

        assertThat(applied.parts()).isEqualTo(1);
        assertThat(calls).containsExactly(batch);
    }
}
