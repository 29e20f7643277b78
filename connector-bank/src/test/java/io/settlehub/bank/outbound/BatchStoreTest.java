package io.settlehub.bank.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batching bank's queue on disk: nothing lost, nothing queued twice, a sealed batch sent again as the same batch. */
class BatchStoreTest {

    @TempDir
    Path root;

    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T07:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_batch_sealed_before_a_crash_is_the_same_batch_after_it_and_nothing_is_queued_twice() {
        BatchStore store = new BatchStore(root, clock);
        assertThat(store.enqueue("alfa", "SH1", "{\"instructionId\":\"SH1\"}")).isTrue();
        assertThat(store.enqueue("alfa", "SH2", "{\"instructionId\":\"SH2\"}")).isTrue();
        assertThat(store.enqueue("alfa", "SH1", "{\"instructionId\":\"SH1\"}")).as("a redelivery").isFalse();

        BatchStore.Batch sealed = store.next("alfa").orElseThrow();
        assertThat(sealed.id()).isEqualTo("ALFA-20261127100000");
        assertThat(sealed.instructions()).hasSize(2);
        assertThat(store.enqueue("alfa", "SH2", "{\"instructionId\":\"SH2\"}")).as("already in a sealed batch").isFalse();

        // the process dies before the batch was marked sent: a new store over the same folder sends the same batch
        BatchStore restarted = new BatchStore(root, clock);
        assertThat(restarted.next("alfa").orElseThrow()).isEqualTo(sealed);
        restarted.sent("alfa", sealed.id());
        assertThat(restarted.next("alfa")).isEmpty();
        assertThat(restarted.enqueue("alfa", "SH1", "{}")).as("already sent").isFalse();
        assertThat(Files.exists(root.resolve("alfa/sent/ALFA-20261127100000/SH1.json"))).isTrue();

        assertThat(restarted.enqueue("alfa", "SH3", "{\"instructionId\":\"SH3\"}")).isTrue();
        assertThat(restarted.next("alfa").orElseThrow().id()).as("a second batch in the same second").isEqualTo("ALFA-20261127100000-2");
    }
}
