package io.settlehub.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import io.settlehub.testsupport.EventStreams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BatchPartsTest {

    /** The generated streams without their opening rate: a batch of client events only. */
    private static List<CanonicalEvent> clientEvents(int clients, int events, long seed) {
        return EventStreams.generate(clients, events + 1, seed).stream().filter(e -> e.type() != EventType.FX_RATE).toList();
    }

    @Test
    void a_batch_with_a_rate_a_payment_status_or_an_event_without_a_client_stays_whole() {
        List<CanonicalEvent> events = EventStreams.generate(50, 2000, 7L);
        assertThat(events).anyMatch(e -> e.type() == EventType.FX_RATE);
        assertThat(BatchParts.of(events, 2)).containsExactly(events);

        List<CanonicalEvent> withStatus = new ArrayList<>(clientEvents(50, 2000, 7L));
        CanonicalEvent sale = withStatus.get(0);
        withStatus.add(new CanonicalEvent("bank:status:1", EventType.PAYMENT_STATUS, 1, "bank", sale.clientId(), sale.occurredAt(),
                sale.payload()));
        assertThat(BatchParts.of(withStatus, 2)).containsExactly(withStatus);

        List<CanonicalEvent> withoutClient = new ArrayList<>(clientEvents(50, 2000, 7L));
        withoutClient.add(new CanonicalEvent("x:1", EventType.SALE, 1, "ozon", null, sale.occurredAt(), sale.payload()));
        assertThat(BatchParts.of(withoutClient, 2)).containsExactly(withoutClient);
    }

    @Test
    void a_small_batch_or_a_single_part_stays_whole() {
        List<CanonicalEvent> small = clientEvents(50, 2 * BatchParts.MIN_EVENTS_PER_PART - 1, 7L);
        assertThat(BatchParts.of(small, 2)).containsExactly(small);
        List<CanonicalEvent> large = clientEvents(50, 2000, 7L);
        assertThat(BatchParts.of(large, 1)).containsExactly(large);
        assertThat(BatchParts.of(large, 2)).hasSize(2);
    }

    @Test
    void the_copies_of_an_event_id_go_where_its_first_copy_goes_though_they_name_another_client() {
        List<CanonicalEvent> events = new ArrayList<>(clientEvents(50, 2000, 7L));
        CanonicalEvent first = events.get(0);
        CanonicalEvent other = events.stream().filter(e -> !e.clientId().equals(first.clientId())).findFirst().orElseThrow();
        CanonicalEvent forged = new CanonicalEvent(first.eventId(), other.type(), 1, other.source(), other.clientId(), other.occurredAt(),
                other.payload());
        events.add(forged);
        List<List<CanonicalEvent>> parts = BatchParts.of(events, 2);
        assertThat(parts).hasSize(2);
        assertThat(parts).anySatisfy(part -> assertThat(part).contains(first).contains(forged));
    }

    /**
     * Whatever the batch: the parts hold exactly its events, each once; each client's events in one part, in their order;
     * every eventId in one part; no part heavier than another by more than the largest client of the batch.
     */
    @Property(seed = "20261202", tries = 200)
    void parts_hold_every_event_once_each_client_whole_and_in_order(@ForAll @IntRange(min = 1, max = 300) int clients,
                                                                     @ForAll @IntRange(min = 1, max = 3000) int size,
                                                                     @ForAll @IntRange(min = 1, max = 4) int wanted,
                                                                     @ForAll long seed) {
        List<CanonicalEvent> events = new ArrayList<>(clientEvents(clients, size, seed));
        events.add(events.get(size / 2)); // a duplicate, mid-batch
        List<List<CanonicalEvent>> parts = BatchParts.of(events, wanted);

        assertThat(parts.size()).isBetween(1, wanted);
        assertThat(parts.stream().mapToInt(List::size).sum()).isEqualTo(events.size());
        Map<String, Integer> partOfClient = new HashMap<>();
        Map<String, Integer> partOfEvent = new HashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            assertThat(parts.get(p)).isNotEmpty();
            for (CanonicalEvent event : parts.get(p)) {
                assertThat(partOfClient.merge(event.clientId(), p, (a, b) -> a)).as(event.clientId()).isEqualTo(p);
                assertThat(partOfEvent.merge(event.eventId(), p, (a, b) -> a)).as(event.eventId()).isEqualTo(p);
            }
        }
        for (List<CanonicalEvent> part : parts) {
            Set<String> clientsOfPart = new HashSet<>();
            part.forEach(e -> clientsOfPart.add(e.clientId()));
            assertThat(part).isEqualTo(events.stream().filter(e -> clientsOfPart.contains(e.clientId())).toList());
        }
        if (parts.size() > 1) {
            Map<String, Integer> eventsOfClient = new HashMap<>();
            events.forEach(e -> eventsOfClient.merge(e.clientId(), 1, Integer::sum));
            int largest = eventsOfClient.values().stream().max(Integer::compare).orElseThrow();
            int heaviest = parts.stream().mapToInt(List::size).max().orElseThrow();
            int lightest = parts.stream().mapToInt(List::size).min().orElseThrow();
            assertThat(heaviest - lightest).isLessThanOrEqualTo(largest);
        } else {
            assertThat(parts.get(0)).isEqualTo(events);
        }
    }
}
