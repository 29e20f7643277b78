package io.settlehub.core.settlement.store;

import io.settlehub.contract.CanonicalEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Recently read or applied facts, decoded, by event id. A fact never changes once recorded (its id is its identity),
 * so an entry is never stale: the cache only saves reading and decoding it again. Bounded by count
 * ({@code hub.events.cached-facts}); the least recently used go first.
 */
@Component
public class FactCache {

    private final Map<String, CanonicalEvent> facts;

    public FactCache(@Value("${hub.events.cached-facts:50000}") int capacity) {
        this.facts = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CanonicalEvent> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized CanonicalEvent get(String eventId) {
        return facts.get(eventId);
    }

    /** Only facts that are committed belong here: callers add them once their transaction committed. */
    public synchronized void putAll(Collection<CanonicalEvent> events) {
        events.forEach(e -> facts.put(e.eventId(), e));
    }
}
