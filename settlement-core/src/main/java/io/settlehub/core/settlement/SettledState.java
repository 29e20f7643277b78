package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.core.ledger.Component;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What an incremental derivation reads of the clients' recorded state, for many clients at once (one round trip per
 * question, however many clients a batch touches). Maps are keyed by client id.
 */
public interface SettledState {

    /** The checkpoint of each of these clients that has one. */
    Map<String, Checkpoint> checkpoints(Collection<String> clientIds);

    /** Of the named orders, those that exist, by order id. */
    Map<String, Map<String, StoredOrder>> orders(Map<String, ? extends Collection<String>> orderIdsByClient);

    /** Every recorded fact that names one of the orders (the batch's new facts included). */
    Map<String, List<CanonicalEvent>> factsNaming(Map<String, ? extends Collection<String>> orderIdsByClient);

    /** What the ledger holds for the components each client's selection covers (components that hold nothing are left out). */
    Map<String, List<Component>> held(Map<String, ComponentSelection> selectionByClient);
}
