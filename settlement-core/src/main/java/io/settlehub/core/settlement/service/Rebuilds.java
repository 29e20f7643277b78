package io.settlehub.core.settlement.service;

import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.security.AuditLog;
import io.settlehub.core.settlement.service.SettlementService;
import io.settlehub.core.settlement.store.ClientRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-derives every client whole from its facts — after a fix to the settlement rules, or to verify the ledger — while
 * ingest and the API keep running: one client at a time, each under its lock and in its own transaction, posting only
 * differences. One rebuild runs at a time, in the background; its report says what moved.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** Clients listed with what moved; beyond, only counted. */
    private static final int CLIENTS_LISTED = 1000;

    private final ClientRepository clients;
    private final SettlementService settlement;
    private final AuditLog audit;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hub-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Report current;

    public Rebuilds(ClientRepository clients, SettlementService settlement, AuditLog audit) {
        this.clients = clients;
        this.settlement = settlement;
        this.audit = audit;
    }

    /** One component the rebuild moved: how much, from the first account to the second. */
    public record Moved(String component, String from, String to, String amount, String currency) {
    }

    /** What a rebuild did so far. {@code moved}: the first clients whose ledger changed, with what moved. */
    public record Report(String id, boolean running, Instant startedAt, Instant finishedAt, int clients, int done, int clientsChanged,
                         int transfers, Map<String, List<Moved>> moved, List<String> failed) {
    }

    /** Starts a rebuild of every client; answers the running one if there is one. */
    public synchronized Report start() {
        return start(clients.allClients(), "rebuild-");
    }

    /**
     * At start, settles the clients that have an agreement and no settled state — after an upgrade that changed what the
     * settled state holds (their next batch would too, but their pages should not wait for one).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public synchronized void settleUnsettled() {
        List<String> unsettled = clients.clientsWithoutSettledState();
        if (!unsettled.isEmpty()) {
            log.info("{} client(s) with an agreement have no settled state: settling them in the background", unsettled.size());
            start(unsettled, "settle-at-start-");
        }
    }

    private Report start(List<String> which, String prefix) {
        if (current != null && current.running()) {
            return current;
        }
        String id = prefix + Instant.now().toEpochMilli();
        current = new Report(id, true, Instant.now(), null, which.size(), 0, 0, 0, Map.of(), List.of());
        audit.record("REBUILD_STARTED", id, which.size() + " client(s)");
        runner.submit(() -> run(id, which));
        return current;
    }

    public Report current() {
        return current;
    }

    private void run(String id, List<String> all) {
        Map<String, List<Moved>> moved = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        int changed = 0;
        int transfers = 0;
        for (int i = 0; i < all.size(); i++) {
            String client = all.get(i);
            try {
                List<Transfer> posted = settlement.rebuild(client, id);
                if (!posted.isEmpty()) {
                    changed++;
                    transfers += posted.size();
                    if (moved.size() < CLIENTS_LISTED) {
                        moved.put(client, posted.stream().map(t -> new Moved(t.component(), t.debit().toString(), t.credit().toString(),
                                t.amount().plain(), t.amount().currency())).toList());
                    }
                }
            } catch (RuntimeException e) {
                log.warn("rebuild {}: client {} failed: {}", id, client, e.toString());
                failed.add(client + ": " + e.getMessage());
            }
            current = new Report(id, true, current.startedAt(), null, all.size(), i + 1, changed, transfers, Map.copyOf(moved), List.copyOf(failed));
        }
        current = new Report(id, false, current.startedAt(), Instant.now(), all.size(), all.size(), changed, transfers, Map.copyOf(moved),
                List.copyOf(failed));
        log.info("rebuild {} finished: {} client(s) changed, {} transfer(s), {} failed", id, changed, transfers, failed.size());
    }
}
