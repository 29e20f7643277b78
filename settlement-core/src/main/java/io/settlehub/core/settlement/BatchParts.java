package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a batch of events into parts that separate transactions can apply at the same time (decision 0017): every
 * client's events go to one part, in their order, so no two parts settle the same client; every copy of an eventId goes
 * where its first copy goes, so a duplicate or a conflicting body is judged in one transaction. A batch stays whole when
 * one of its events concerns more than one client — a rate (it re-prices every client that used its pair), a payment
 * status (it settles a payout run), an event without a client — or when it is too small to be worth a second transaction.
 */
public final class BatchParts {

    /** A part smaller than this costs more in its own transaction's fixed cost than it saves. */
    public static final int MIN_EVENTS_PER_PART = 100;

    private BatchParts() {
    }

    /** At most {@code parts} non-empty parts of {@code events}, balanced by the number of events; the batch itself when it stays whole. */
    public static List<List<CanonicalEvent>> of(List<CanonicalEvent> events, int parts) {
        int wanted = Math.min(parts, events.size() / MIN_EVENTS_PER_PART);
        if (wanted < 2 || events.stream().anyMatch(BatchParts::concernsSeveralClients)) {
            return List.of(events);
        }
        Map<String, String> clientOfEvent = new HashMap<>();
        Map<String, Integer> eventsOfClient = new LinkedHashMap<>();
        for (CanonicalEvent event : events) {
            String client = clientOfEvent.computeIfAbsent(event.eventId(), id -> event.clientId());
            eventsOfClient.merge(client, 1, Integer::sum);
        }
        // the largest clients first, each onto the lightest part so far: no part is heavier than another by more than its largest client
        List<String> clients = new ArrayList<>(eventsOfClient.keySet());
        clients.sort(Comparator.comparing((String c) -> eventsOfClient.get(c)).reversed().thenComparing(Comparator.naturalOrder()));
        int[] load = new int[wanted];
        Map<String, Integer> partOfClient = new HashMap<>();
        for (String client : clients) {
            int lightest = 0;
            for (int i = 1; i < wanted; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            partOfClient.put(client, lightest);
            load[lightest] += eventsOfClient.get(client);
        }
        List<List<CanonicalEvent>> split = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            split.add(new ArrayList<>());
        }
        for (CanonicalEvent event : events) {
            split.get(partOfClient.get(clientOfEvent.get(event.eventId()))).add(event);
        }
        return split.stream().filter(part -> !part.isEmpty()).map(List::copyOf).toList();
    }

    private static boolean concernsSeveralClients(CanonicalEvent event) {
        return event.clientId() == null || event.type() == EventType.FX_RATE || event.type() == EventType.PAYMENT_STATUS;
    }
}
