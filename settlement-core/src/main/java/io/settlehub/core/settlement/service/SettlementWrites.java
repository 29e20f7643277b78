package io.settlehub.core.settlement.service;

import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.settlement.Checkpoint;
import io.settlehub.core.settlement.Derivation;
import io.settlehub.core.settlement.IncrementalSettlement;
import io.settlehub.core.settlement.Parked;
import io.settlehub.core.settlement.SettlementPostings;
import io.settlehub.core.settlement.store.ParkedRepository;
import io.settlehub.core.settlement.store.SettledStateRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What settling the clients of one batch changes, gathered and written together at the end of the transaction: the
 * shared accounts are touched once per batch and last, and every kind of row in one round trip. The derived figures themselves
 * are not stored: they are the net of their transfers in the journal.
 */
final class SettlementWrites {

    private final List<Transfer> transfers = new ArrayList<>();
    private final Map<String, List<Parked>> parked = new LinkedHashMap<>();
    private final Map<String, Set<String>> examined = new LinkedHashMap<>();
    private final List<Parked> parkedExamined = new ArrayList<>();
    private final Map<String, Checkpoint> checkpointsBefore = new LinkedHashMap<>();
    private final Map<String, Checkpoint> checkpointsAfter = new LinkedHashMap<>();
    private final Map<String, Derivation> continuedDerivations = new LinkedHashMap<>();
    private final Map<String, Set<String>> moved = new LinkedHashMap<>();
    private final Map<String, Set<String>> lined = new LinkedHashMap<>();
    private final Map<String, Derivation> rederived = new LinkedHashMap<>();
    private final Map<String, String> rederivedReferences = new LinkedHashMap<>();

    void settled(List<Transfer> clientTransfers) {
        transfers.addAll(clientTransfers);
    }

    List<Transfer> transfers() {
        return List.copyOf(transfers);
    }

    void parked(String clientId, List<Parked> waiting) {
        parked.put(clientId, waiting);
    }

    /** A client continued from its checkpoint. */
    void continued(IncrementalSettlement.Continued done, Checkpoint before, String referenceVersion) {
        settled(done.transfers());
        examined.put(done.clientId(), done.examined());
        parkedExamined.addAll(done.parked());
        checkpointsBefore.put(done.clientId(), before);
        checkpointsAfter.put(done.clientId(), done.checkpoint().withReferenceVersion(referenceVersion));
        continuedDerivations.put(done.clientId(), done.derivation());
        moved.put(done.clientId(), SettlementPostings.ordersMoved(done.derivation().settlement().orders(), done.transfers()));
        lined.put(done.clientId(), done.lined());
    }

    /** A client derived whole: its recorded state is replaced. */
    void rederived(String clientId, Derivation derivation, List<Transfer> clientTransfers, String referenceVersion) {
        rederived.put(clientId, derivation);
        moved.put(clientId, SettlementPostings.ordersMoved(derivation.settlement().orders(), clientTransfers));
        rederivedReferences.put(clientId, referenceVersion);
    }

    void write(LedgerRepository ledger, ParkedRepository parkedEvents, SettledStateRepository state) {
        parkedEvents.replaceWaiting(parked);
        parkedEvents.replaceWaitingOf(examined, parkedExamined);
        state.update(checkpointsBefore, checkpointsAfter, continuedDerivations, moved, lined);
        rederived.forEach((client, derivation) -> state.replace(client,
                derivation.checkpoint().withReferenceVersion(rederivedReferences.get(client)), derivation, moved.get(client)));
        // last: the running totals of the accounts every client moves (the hub's) stay locked from here to the commit only,
        // which is what a batch's other part, in its own transaction, waits for (decision 0017)
        ledger.post(transfers);
    }
}
