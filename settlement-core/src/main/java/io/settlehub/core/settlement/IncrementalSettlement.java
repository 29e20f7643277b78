package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventType;
import io.settlehub.core.ledger.Component;
import io.settlehub.core.ledger.PostingPlan;
import io.settlehub.core.ledger.Transfer;
import java.util.*;

/**
 * Settles a batch's new facts from the clients' checkpoints (decision 0010): only the orders the new facts name are
 * rebuilt — from their own facts and the lot units their sales took — and compared with what the ledger holds for
 * them, so a batch costs what it brings, not the client's history. Callers first check {@link Resumption#accepts}.
 */
public final class IncrementalSettlement {

    private IncrementalSettlement() {
    }

    /**
     * One client continued: the transfers to post, the derivation, and what to record; {@code lined}: the orders whose
     * sold lines changed (a new order, or a new sale of one).
     */
    public record Continued(String clientId, List<Transfer> transfers, Derivation derivation, Set<String> examined,
                            Set<String> lined) {

        /** Of the facts this continuation examined, those that wait for something. */
        public List<Parked> parked() {
            return derivation.settlement().parked().stream().filter(p -> examined.contains(p.eventId())).toList();
        }

        public Checkpoint checkpoint() {
            return derivation.checkpoint();
        }
    }

    /** The clients' new facts applied; {@code causes} gives, per client, the event each component's transfers are booked to. */
    public static List<Continued> continueClients(SettledState state, Map<String, Checkpoint> checkpoints,
                                                  Map<String, List<CanonicalEvent>> newFacts, Map<String, AgreementTerms> terms,
                                                  ReferenceData reference, Map<String, ? extends java.util.function.Function<String, String>> causes) {
        Map<String, Set<String>> named = new TreeMap<>();
        newFacts.forEach((client, events) -> events.forEach(e -> named.computeIfAbsent(client, c -> new TreeSet<>())
                .addAll(NamedOrders.of(e))));
        Map<String, Map<String, StoredOrder>> stored = new TreeMap<>();
        state.orders(named).forEach((client, orders) -> stored.put(client, new HashMap<>(orders)));
        Map<String, List<CanonicalEvent>> facts = new TreeMap<>();
        state.factsNaming(named).forEach((client, events) -> facts.put(client, new ArrayList<>(events)));

        // a parked payout that names an order created now applies now, and changes every order it names
        Map<String, Set<String>> extra = new TreeMap<>();
        newFacts.forEach((client, events) -> {
            Set<String> created = new HashSet<>();
            events.stream().filter(e -> e.type() == EventType.SALE).flatMap(e -> NamedOrders.of(e).stream())
                    .filter(id -> !stored.getOrDefault(client, Map.of()).containsKey(id)).forEach(created::add);
            for (CanonicalEvent fact : facts.getOrDefault(client, List.of())) {
                List<String> orders = NamedOrders.of(fact);
                if (fact.payload() instanceof MarketplacePayout && orders.stream().anyMatch(created::contains)) {
                    orders.stream().filter(id -> !named.get(client).contains(id))
                            .forEach(id -> extra.computeIfAbsent(client, c -> new TreeSet<>()).add(id));
                }
            }
        });
        if (!extra.isEmpty()) {
            state.orders(extra).forEach((client, orders) -> stored.computeIfAbsent(client, c -> new HashMap<>()).putAll(orders));
            state.factsNaming(extra).forEach((client, events) -> facts.computeIfAbsent(client, c -> new ArrayList<>()).addAll(events));
            extra.forEach((client, ids) -> named.get(client).addAll(ids));
        }
        Map<String, Set<String>> others = new TreeMap<>();
        facts.forEach((client, events) -> events.stream().filter(e -> e.payload() instanceof MarketplacePayout)
                .flatMap(e -> NamedOrders.of(e).stream()).filter(id -> !named.get(client).contains(id))
                .forEach(id -> others.computeIfAbsent(client, c -> new TreeSet<>()).add(id)));
        Map<String, Map<String, StoredOrder>> otherOrders = state.orders(others);

        Map<String, Derivation> derivations = new TreeMap<>();
        Map<String, Set<String>> examined = new TreeMap<>();
        Map<String, ComponentSelection> compared = new TreeMap<>();
        for (String client : newFacts.keySet()) {
            Map<String, StoredOrder> rebuilt = stored.getOrDefault(client, Map.of());
            Map<String, Map<String, List<List<PortionRef>>>> takes = new HashMap<>();
            rebuilt.forEach((id, order) -> {
                if (named.get(client).contains(id)) {
                    takes.put(id, order.takes());
                }
            });
            Map<String, String> currencies = new HashMap<>();
            otherOrders.getOrDefault(client, Map.of()).forEach((id, order) -> currencies.put(id, order.currency()));
            Map<String, CanonicalEvent> given = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (CanonicalEvent event : facts.getOrDefault(client, List.of())) {
                given.putIfAbsent(event.eventId(), event);
            }
            newFacts.get(client).forEach(e -> given.putIfAbsent(e.eventId(), e));
            seen.addAll(given.keySet());
            Derivation derivation = SettlementCalculator.resume(terms.get(client), given.values(), reference,
                    new Resumption(checkpoints.get(client), takes, currencies));
            seen.removeAll(derivation.stillParked());
            derivations.put(client, derivation);
            examined.put(client, seen);
            compared.put(client, comparedComponents(derivation.settlement(), given.values()));
        }
        Map<String, List<Component>> held = state.held(compared);
        List<Continued> continued = new ArrayList<>();
        derivations.forEach((client, derivation) -> {
            List<Component> target = SettlementPostings.of(derivation.settlement());
            for (Component component : target) {
                if (!compared.get(client).covers(component.key())) {
                    throw new IllegalStateException("component " + component.key() + " of client " + client
                            + " outside the components compared with the ledger");
                }
            }
            List<Transfer> transfers = PostingPlan.difference(client, held.getOrDefault(client, List.of()), target,
                    causes.get(client));
            Map<String, StoredOrder> before = stored.getOrDefault(client, Map.of());
            Set<String> lined = new TreeSet<>();
            derivation.storedOrders().forEach(o -> {
                StoredOrder was = before.get(o.orderId());
                if (was == null || !was.takes().keySet().equals(o.takes().keySet())) {
                    lined.add(o.orderId());
                }
            });
            continued.add(new Continued(client, transfers, derivation, examined.get(client), lined));
        });
        return continued;
    }

    /**
     * Some orders' settlements, rebuilt from their own facts and the lot units their sales took (what
     * {@code continueClients} would give them), with the payouts among their facts: a read of orders costs those orders,
     * not the client's history. Orders that do not exist are left out.
     */
    public static ClientSettlement orders(SettledState state, String clientId, Checkpoint checkpoint, AgreementTerms terms,
                                          ReferenceData reference, Collection<String> orderIds) {
        return orders(state, Map.of(clientId, checkpoint), Map.of(clientId, terms), reference, Map.of(clientId, orderIds)).get(clientId);
    }

    /**
     * {@link #orders} of several clients, read from the settled state together: each client's checkpoint and agreement
     * must be given.
     */
    public static Map<String, ClientSettlement> orders(SettledState state, Map<String, Checkpoint> checkpoints,
                                                       Map<String, AgreementTerms> terms, ReferenceData reference,
                                                       Map<String, ? extends Collection<String>> orderIdsByClient) {
        Map<String, Map<String, StoredOrder>> stored = state.orders(orderIdsByClient);
        Map<String, Set<String>> existing = new HashMap<>();
        stored.forEach((client, orders) -> existing.put(client, orders.keySet()));
        Map<String, List<CanonicalEvent>> facts = existing.isEmpty() ? Map.of() : state.factsNaming(existing);
        Map<String, Set<String>> others = new HashMap<>();
        facts.forEach((client, events) -> events.stream().filter(e -> e.payload() instanceof MarketplacePayout)
                .flatMap(e -> NamedOrders.of(e).stream())
                .filter(id -> !existing.getOrDefault(client, Set.of()).contains(id))
                .forEach(id -> others.computeIfAbsent(client, c -> new TreeSet<>()).add(id)));
        Map<String, Map<String, StoredOrder>> otherOrders = others.isEmpty() ? Map.of() : state.orders(others);
        Map<String, ClientSettlement> settlements = new HashMap<>();
        orderIdsByClient.keySet().forEach(clientId -> {
            Map<String, StoredOrder> own = stored.getOrDefault(clientId, Map.of());
            Map<String, Map<String, List<List<PortionRef>>>> takes = new HashMap<>();
            own.forEach((id, order) -> takes.put(id, order.takes()));
            Map<String, String> currencies = new HashMap<>();
            otherOrders.getOrDefault(clientId, Map.of()).forEach((id, order) -> currencies.put(id, order.currency()));
            ClientSettlement rebuilt = SettlementCalculator.resume(terms.get(clientId), facts.getOrDefault(clientId, List.of()), reference,
                    new Resumption(checkpoints.get(clientId), takes, currencies)).settlement();
            settlements.put(clientId, new ClientSettlement(clientId, rebuilt.orders().stream().filter(o -> own.containsKey(o.orderId())).toList(),
                    List.of(), rebuilt.payouts(), List.of(), List.of(), rebuilt.bank()));
        });
        return settlements;
    }

    /** One order's settlement, as {@link #orders} rebuilds it; empty when the order does not exist. */
    public static Optional<OrderSettlement> order(SettledState state, String clientId, Checkpoint checkpoint, AgreementTerms terms,
                                                  ReferenceData reference, String orderId) {
        return orders(state, clientId, checkpoint, terms, reference, List.of(orderId)).order(orderId);
    }

    private static ComponentSelection comparedComponents(ClientSettlement settlement, Collection<CanonicalEvent> facts) {
        Set<String> scopes = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        settlement.orders().forEach(o -> scopes.add(SettlementPostings.orderScope(o.source(), o.orderId())));
        for (CanonicalEvent event : facts) {
            if (event.payload() instanceof MarketplaceCharge charge && charge.orderId() == null) {
                keys.add(SettlementPostings.chargeKey(event.eventId()));
            } else if (event.payload() instanceof MarketplacePayout payout) {
                keys.add(SettlementPostings.payoutKey(event.source(), payout.payoutId()));
            }
        }
        return new ComponentSelection(scopes, keys);
    }
}
