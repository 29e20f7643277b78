package io.settlehub.core.ledger;

import io.settlehub.contract.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Map<String, Component> before = index(current);
        Map<String, Component> after = index(target);
        List<Transfer> transfers = new ArrayList<>();
        for (Map.Entry<String, Component> entry : after.entrySet()) {
            Component wanted = entry.getValue();
            Component held = before.get(entry.getKey());
            if (held != null && !(held.debit().equals(wanted.debit()) && held.credit().equals(wanted.credit()))) {
                addMovement(transfers, clientId, held, held.amount().negate(), cause);
                held = null;
            }
            Money delta = held == null ? wanted.amount() : wanted.amount().minus(held.amount());
            addMovement(transfers, clientId, wanted, delta, cause);
        }
        for (Map.Entry<String, Component> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                Component gone = entry.getValue();
                addMovement(transfers, clientId, gone, gone.amount().negate(), cause);
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

    private static Map<String, Component> index(Collection<Component> components) {
        Map<String, Component> map = new TreeMap<>();
        for (Component component : components) {
            String key = component.key() + "|" + component.amount().currency();
            if (map.put(key, component) != null) {
                throw new IllegalArgumentException("duplicate component " + key);
            }
        }
        return map;
    }
}
