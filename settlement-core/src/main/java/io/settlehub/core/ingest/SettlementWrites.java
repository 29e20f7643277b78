package io.settlehub.core.ingest;

import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.settlement.Parked;
import io.settlehub.core.store.ClientRepository;
import io.settlehub.core.store.LedgerRepository;
import io.settlehub.core.store.ParkedRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What re-deriving the clients of one batch changes, gathered and written together at the end of the
 * transaction: the shared accounts are touched once per batch, and every kind of row in one round trip. The
 * derived figures themselves are not stored: they are the net of their transfers in the journal.
 */
final class SettlementWrites {

    private final List<Transfer> transfers = new ArrayList<>();
    private final List<String> changedClients = new ArrayList<>();
    private final Map<String, List<Parked>> parked = new LinkedHashMap<>();

    void settled(String clientId, List<Transfer> clientTransfers) {
        if (clientTransfers.isEmpty()) {
            return;
        }
        transfers.addAll(clientTransfers);
        changedClients.add(clientId);
    }

    void parked(String clientId, List<Parked> waiting) {
        parked.put(clientId, waiting);
    }

    void write(LedgerRepository ledger, ClientRepository clients, ParkedRepository parkedEvents) {
        ledger.post(transfers);
        clients.bumpVersions(changedClients);
        parkedEvents.replaceWaiting(parked);
    }
}
