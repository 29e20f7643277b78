package io.settlehub.core.settlement.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class FailingEventsTest {

    /** A store that applies a list of events in one transaction: all of them, or none when one of them is poison. */
    private static final class Store {
        final Set<Integer> poison;
        final Map<Integer, Integer> applied = new HashMap<>();
        int transactions;

        Store(Set<Integer> poison) {
            this.poison = poison;
        }

        void apply(List<Integer> events) {
            transactions++;
            for (Integer event : events) {
                if (poison.contains(event)) {
                    throw new IllegalArgumentException("poison " + event);
                }
            }
            events.forEach(event -> applied.merge(event, 1, Integer::sum));
        }
    }

    @Property(seed = "20261203")
    void every_event_but_the_failing_ones_is_applied_exactly_once(@ForAll @IntRange(min = 1, max = 3000) int size,
                                                                  @ForAll @Size(min = 1, max = 12) @UniqueElements
                                                                  List<@IntRange(min = 0, max = 2999) Integer> poisonDraws) {
        List<Integer> batch = IntStream.range(0, size).boxed().toList();
        Set<Integer> poison = new TreeSet<>();
        poisonDraws.forEach(draw -> poison.add(draw % size));
        Store store = new Store(poison);

        Map<Integer, RuntimeException> failing = FailingEvents.of(batch, store::apply);

        assertThat(failing.keySet()).containsExactlyInAnyOrderElementsOf(poison);
        failing.forEach((event, failure) -> assertThat(failure).hasMessage("poison " + event));
        List<Integer> good = new ArrayList<>(batch);
        good.removeAll(poison);
        assertThat(store.applied.keySet()).containsExactlyInAnyOrderElementsOf(good);
        assertThat(store.applied.values()).allMatch(times -> times == 1);
        int depth = 32 - Integer.numberOfLeadingZeros(size);
        assertThat(store.transactions).as("transactions for %d events with %d failing", size, poison.size())
                .isLessThanOrEqualTo(Math.min(2 * size, 2 * poison.size() * depth));
    }

    @Test
    void one_failing_event_among_eight_thousand_costs_a_few_dozen_transactions_not_eight_thousand() {
        List<Integer> batch = IntStream.range(0, 8000).boxed().toList();
        Store store = new Store(Set.of(4711));

        Map<Integer, RuntimeException> failing = FailingEvents.of(batch, store::apply);

        assertThat(failing).containsOnlyKeys(4711);
        assertThat(store.applied).hasSize(7999);
        assertThat(store.transactions).isEqualTo(26);
    }

    @Test
    void a_batch_of_one_is_tried_once_more_alone() {
        Store store = new Store(Set.of());

        assertThat(FailingEvents.of(List.of(7), store::apply)).isEmpty();
        assertThat(store.applied).containsEntry(7, 1);
        assertThat(store.transactions).isEqualTo(1);
    }
}
