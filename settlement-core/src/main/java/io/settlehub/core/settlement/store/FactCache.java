package io.settlehub.core.settlement.store;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.core.ledger.CauseOccurrences;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recently applied facts, decoded, by event id. A fact never changes once recorded (its id is its identity), so an
 * entry is never stale: the cache only saves reading and decoding it again. Bounded by count
 * ({@code hub.events.cached-facts}); the least recently used go first.
 *
 * <p>The facts a transaction records are found here within that transaction too (a batch's own facts name the orders
 * it settles, and were read back and decoded again from the database: as many facts as the batch brought), and join the
 * cache only once it commits: one rolled back may come again with another body.
 */
@Component
public class FactCache implements CauseOccurrences {

    private final Map<String, CanonicalEvent> facts;

    public FactCache(@Value("${hub.events.cached-facts:50000}") int capacity) {
        this.facts = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CanonicalEvent> eldest) {
                return size() > capacity;
            }
        };
    }

    public CanonicalEvent get(String eventId) {
        Map<String, CanonicalEvent> recording = recording();
        CanonicalEvent own = recording == null ? null : recording.get(eventId);
        if (own != null) {
            return own;
        }
        synchronized (this) {
            return facts.get(eventId);
        }
    }

    @Override
    public java.time.Instant occurredAt(String eventId) {
        CanonicalEvent fact = get(eventId);
        return fact == null ? null : fact.occurredAt();
    }

    /**
     * Facts the current transaction records: found by {@link #get} within it, cached once it commits. Outside a
     * transaction (nothing to wait for) they are cached at once.
     */
    public void recording(Collection<CanonicalEvent> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            putAll(events);
            return;
        }
        Map<String, CanonicalEvent> recording = recording();
        if (recording == null) {
            Map<String, CanonicalEvent> own = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, own);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    putAll(own.values());
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(FactCache.this);
                }
            });
            recording = own;
        }
        for (CanonicalEvent event : events) {
            recording.put(event.eventId(), event);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, CanonicalEvent> recording() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (Map<String, CanonicalEvent>) TransactionSynchronizationManager.getResource(this) : null;
    }

    private synchronized void putAll(Collection<CanonicalEvent> events) {
        events.forEach(e -> facts.put(e.eventId(), e));
    }
}
