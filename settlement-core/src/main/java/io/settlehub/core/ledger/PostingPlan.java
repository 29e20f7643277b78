package io.settlehub.core.ledger;

import io.settlehub.contract.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Turns a new set of derived figures into the transfers that move the ledger from what it holds to what
 * it should hold: for each component, the difference is posted as a new transfer (positive: debit → credit,
 * negative: the reverse). History is never edited; a figure that went away is reversed to zero.
 */
public final class PostingPlan {

    private PostingPlan() {
    }

    public static List<Transfer> difference(String clientId, Collection<Component> current, Collection<Component> target,
                                            String cause) {
        return difference(clientId, index(current), index(target), cause);
    }

    /** The same, over components already keyed by {@link #keyOf}. */
    public static List<Transfer> difference(String clientId, Map<String, Component> before, Map<String, Component> after,
                                            String cause) {
        return difference(clientId, before, after, key -> cause);
    }

    /** The same, each transfer booked to the cause {@code causeOf} gives its component's key. */
    public static List<Transfer> difference(String clientId, Collection<Component> current, Collection<Component> target,
                                            java.util.function.Function<String, String> causeOf) {
        return difference(clientId, index(current), index(target), causeOf);
    }

    /** The same, over components already keyed by {@link #keyOf}, each transfer booked to its component's cause. */
    public static List<Transfer> difference(String clientId, Map<String, Component> before, Map<String, Component> after,
                                            java.util.function.Function<String, String> causeOf) {
        List<Transfer> transfers = new ArrayList<>();
        for (Map.Entry<String, Component> entry : after.entrySet()) {
            Component wanted = entry.getValue();
            Component held = before.get(entry.getKey());
            if (wanted == held || wanted.equals(held)) {
                continue;
            }
            if (held != null && !(held.debit().equals(wanted.debit()) && held.credit().equals(wanted.credit()))) {
                addMovement(transfers, clientId, held, held.amount().negate(), causeOf.apply(held.key()));
                held = null;
            }
            Money delta = held == null ? wanted.amount() : wanted.amount().minus(held.amount());
            addMovement(transfers, clientId, wanted, delta, causeOf.apply(wanted.key()));
        }
        for (Map.Entry<String, Component> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                Component gone = entry.getValue();
                addMovement(transfers, clientId, gone, gone.amount().negate(), causeOf.apply(gone.key()));
            }
        }
        return transfers;
    }

    private static void addMovement(List<Transfer> transfers, String clientId, Component component, Money delta, String cause) {
        if (delta.signum() > 0) {
            transfers.add(new Transfer(component.debit(), component.credit(), delta, clientId, component.key(), cause));
        } else if (delta.signum() < 0) {
            transfers.add(new Transfer(component.credit(), component.debit(), delta.negate(), clientId, component.key(), cause));
        }
    }

    /** A component's identity within a client: its key and currency. */
    public static String keyOf(Component component) {
        return component.key() + "|" + component.amount().currency();
    }

    /** Components keyed by {@link #keyOf}, normalized (see {@link Component#normalized}). */
    public static Map<String, Component> index(Collection<Component> components) {
        Map<String, Component> map = new LinkedHashMap<>();
        for (Component given : components) {
            Component component = given.normalized();
            String key = keyOf(component);
            if (map.put(key, component) != null) {
                throw new IllegalArgumentException("duplicate component " + key);
            }
        }
        return map;
    }
}
