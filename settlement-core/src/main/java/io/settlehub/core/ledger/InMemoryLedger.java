package io.settlehub.core.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ledger's rules over plain memory: used by the property tests and as the reference for the database store. */
public final class InMemoryLedger {

    private final Map<AccountKey, BigDecimal[]> totals = new HashMap<>();
    private final List<Transfer> journal = new ArrayList<>();
    private final Map<String, Component> components = new HashMap<>();

    public void post(Collection<Transfer> transfers) {
        for (Transfer t : transfers) {
            totals.computeIfAbsent(t.debit(), k -> zero())[0] = totals.get(t.debit())[0].add(t.amount().amount());
            totals.computeIfAbsent(t.credit(), k -> zero())[1] = totals.get(t.credit())[1].add(t.amount().amount());
            journal.add(t);
        }
    }

    /** Moves the held components of a client to {@code target}, posting only the difference. */
    public List<Transfer> settle(String clientId, Collection<Component> target, String cause) {
        List<Component> current = components.values().stream().filter(c -> c.key().startsWith(clientId + "|")).toList();
        List<Component> scoped = target.stream()
                .map(c -> new Component(clientId + "|" + c.key(), c.debit(), c.credit(), c.amount())).toList();
        List<Transfer> transfers = PostingPlan.difference(clientId, current, scoped, cause);
        post(transfers);
        current.forEach(c -> components.remove(c.key() + "|" + c.amount().currency()));
        scoped.forEach(c -> components.put(c.key() + "|" + c.amount().currency(), c));
        return transfers;
    }

    public Balances balances(AccountKey account) {
        BigDecimal[] t = totals.getOrDefault(account, zero());
        return new Balances(account, t[0], t[1]);
    }

    public Map<AccountKey, Balances> allBalances() {
        Map<AccountKey, Balances> all = new HashMap<>();
        totals.forEach((k, v) -> all.put(k, new Balances(k, v[0], v[1])));
        return all;
    }

    public List<Transfer> journal() {
        return List.copyOf(journal);
    }

    private static BigDecimal[] zero() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
