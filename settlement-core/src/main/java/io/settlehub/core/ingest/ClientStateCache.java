package io.settlehub.core.ingest;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.core.ledger.Component;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;


/**
 * The facts and derived components of recently settled clients, so a batch does not re-read and re-parse a
 * client's whole history. An entry is valid only for the client version it was made at: any other writer
 * (another instance, an agreement change) bumps the version in the database, and the next batch reloads.
 */
@org.springframework.stereotype.Component
class ClientStateCache {

    /** What a client's settlement was derived from, and what the ledger holds for it, at one version. */
    record CachedClient(long version, List<CanonicalEvent> facts, Map<String, Component> components,
                        io.settlehub.core.settlement.OrderMemo memo) {
    }

    private final Map<String, CachedClient> entries;

    ClientStateCache(@Value("${hub.events.cached-clients:2000}") int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedClient> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized CachedClient get(String clientId, long version) {
        CachedClient cached = entries.get(clientId);
        return cached != null && cached.version() == version ? cached : null;
    }

    synchronized void put(String clientId, CachedClient client) {
        entries.put(clientId, client);
    }

    synchronized void evict(Collection<String> clientIds) {
        clientIds.forEach(entries::remove);
    }
}
