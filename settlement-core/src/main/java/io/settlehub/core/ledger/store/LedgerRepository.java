package io.settlehub.core.ledger.store;

import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.BulkInsert;
import io.settlehub.core.jdbc.TextArray;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Balances;
import io.settlehub.core.ledger.Component;
import io.settlehub.core.ledger.Transfer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Accounts with running totals, the immutable transfer journal and the derived components. */
@Repository
public class LedgerRepository {

    private static final List<String> TRANSFER_COLUMNS = List.of("debit_account", "credit_account", "amount", "currency", "client_id",
            "component", "cause", "posted_at");

    /** At most this many shared accounts remembered as existing (a few per client's supplier); beyond it, forgotten. */
    private static final int SEEN_COMMITTED_LIMIT = 200_000;

    private final JdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Set<String> seenCommitted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final BalanceDayRepository days;
    private final BalanceLineRepository lines;
    private final BulkInsert bulk;
    private final io.settlehub.core.jdbc.SqlDialect dialect;

    public LedgerRepository(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events, BalanceDayRepository days,
                            BalanceLineRepository lines, BulkInsert bulk, io.settlehub.core.jdbc.SqlDialect dialect) {
        this.dialect = dialect;
        this.lines = lines;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.days = days;
        this.events = events;
    }

    /** Published (synchronously, inside the posting transaction) after transfers moved these clients' accounts. */
    public record Posted(java.util.Set<String> clientIds) {
    }

    /**
     * What the ledger holds for each of the client's derived figures: the net of the transfers posted for it,
     * in the components' normalized orientation (smaller account key debited).
     */
    public List<Component> components(String clientId) {
        Map<String, Component> net = new java.util.LinkedHashMap<>();
        jdbc.query("select component, currency, debit_account, credit_account, sum(amount) from transfer"
                        + " where client_id = ? and component not like 'payment/%'"
                        + " group by component, currency, debit_account, credit_account", rs -> {
                    Component part = new Component(rs.getString(1), AccountKey.parse(rs.getString(3)), AccountKey.parse(rs.getString(4)),
                            Money.rounded(rs.getBigDecimal(5), rs.getString(2))).normalized();
                    net.merge(io.settlehub.core.ledger.PostingPlan.keyOf(part), part,
                            (a, b) -> new Component(a.key(), a.debit(), a.credit(), a.amount().plus(b.amount())));
                }, clientId);
        return net.values().stream().filter(c -> !c.amount().isZero()).toList();
    }

    /**
     * Posts transfers: appends them to the journal and moves the accounts' running totals, in one go per account. The
     * accounts of one client are moved first; the shared ones (the hub's, suppliers') last, so that another transaction
     * posting for other clients waits for them only from there to the commit (decision 0017) — except those that do not
     * exist yet, created first, as the journal names only existing accounts. Each group in key order, so two transactions
     * never wait on each other's rows in a cycle.
     */
    public void post(List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            return;
        }
        Map<AccountKey, BigDecimal[]> totals = new java.util.HashMap<>();
        for (Transfer t : transfers) {
            totals.computeIfAbsent(t.debit(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] =
                    totals.get(t.debit())[0].add(t.amount().amount());
            totals.computeIfAbsent(t.credit(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] =
                    totals.get(t.credit())[1].add(t.amount().amount());
        }
        List<AccountKey> accounts = totals.keySet().stream().sorted().toList();
        Set<String> sharedExisting = existing(accounts.stream().filter(AccountKey::shared).toList());
        moveTotals(accounts.stream().filter(a -> !sharedExisting.contains(a.toString())).toList(), totals);
        Instant now = Instant.now();
        bulk.insert("transfer", TRANSFER_COLUMNS, transfers, t -> new Object[] {t.debit().toString(), t.credit().toString(),
                t.amount().amount(), t.amount().currency(), t.clientId(), t.component(), t.cause(), now});
        days.record(transfers, now);
        lines.record(transfers);
        moveTotals(accounts.stream().filter(a -> sharedExisting.contains(a.toString())).toList(), totals);
        java.util.Set<String> clients = new java.util.TreeSet<>();
        transfers.stream().map(Transfer::clientId).filter(java.util.Objects::nonNull).forEach(clients::add);
        events.publishEvent(new Posted(clients));
    }

    /**
     * Of these accounts, those that exist (committed): a plain read, which waits for no one. An account once seen
     * committed exists for good (accounts are never deleted nor renamed), so the shared ones every batch moves are read
     * once, not in every batch.
     */
    private Set<String> existing(List<AccountKey> accounts) {
        Set<String> existing = new java.util.HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (AccountKey account : accounts) {
            String key = account.toString();
            if (seenCommitted.contains(key)) {
                existing.add(key);
            } else {
                unknown.add(key);
            }
        }
        if (unknown.isEmpty()) {
            return existing;
        }
        jdbc.query("select account_key from account where account_key = any(?)", ps -> TextArray.bind(ps, 1, unknown), rs -> {
            existing.add(rs.getString(1));
        });
        List<String> found = unknown.stream().filter(existing::contains).toList();
        // remembered once this transaction commits: one created by it earlier (and seen by this read) may yet roll back
        Runnable remember = () -> {
            if (seenCommitted.size() > SEEN_COMMITTED_LIMIT) {
                seenCommitted.clear();
            }
            seenCommitted.addAll(found);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
        return existing;
    }

    private void moveTotals(List<AccountKey> accounts, Map<AccountKey, BigDecimal[]> totals) {
        bulk.addingUpsert("account", List.of("account_key"), List.of("owner", "kind", "currency"), List.of("debits_posted", "credits_posted"),
                List.of(), List.of("varchar(300)", "varchar(250)", "varchar(40)", "varchar(3)", "numeric(38, 10)", "numeric(38, 10)"),
                accounts, a -> new Object[] {a.toString(), a.owner(), a.kind(), a.currency(), totals.get(a)[0], totals.get(a)[1]});
    }

    public List<Balances> balancesOf(String owner) {
        return jdbc.query("select account_key, debits_posted, credits_posted from account where owner = ? order by account_key",
                (rs, i) -> new Balances(AccountKey.parse(rs.getString(1)), rs.getBigDecimal(2), rs.getBigDecimal(3)), owner);
    }

    /** The accounts of many owners, by owner, in one read. */
    public Map<String, List<Balances>> balancesOf(List<String> owners) {
        Map<String, List<Balances>> byOwner = new java.util.HashMap<>();
        if (owners.isEmpty()) {
            return byOwner;
        }
        jdbc.query("select owner, account_key, debits_posted, credits_posted from account where owner = any(?) order by account_key",
                ps -> TextArray.bind(ps, 1, owners), rs -> {
                    byOwner.computeIfAbsent(rs.getString(1), o -> new ArrayList<>()).add(new Balances(AccountKey.parse(rs.getString(2)),
                            rs.getBigDecimal(3), rs.getBigDecimal(4)));
                });
        return byOwner;
    }

    public BigDecimal creditBalance(AccountKey account) {
        return jdbc.query("select credits_posted - debits_posted from account where account_key = ?",
                rs -> rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO, account.toString());
    }

    /** A movement of one of the client's buckets: positive when the bucket grew. */
    public record Movement(Instant postedAt, String bucket, Money amount, String component, String cause) {
    }

    /** Every movement of the client's buckets posted in [from, to), oldest first. */
    public List<Movement> movements(String clientId, Instant from, Instant to) {
        return jdbc.query("select posted_at, debit_account, credit_account, amount, currency, component, cause from transfer"
                        + " where client_id = ? and posted_at >= ? and posted_at < ? order by id",
                (rs, i) -> {
                    AccountKey debit = AccountKey.parse(rs.getString(2));
                    AccountKey credit = AccountKey.parse(rs.getString(3));
                    Money amount = Money.rounded(rs.getBigDecimal(4), rs.getString(5));
                    Instant at = rs.getTimestamp(1).toInstant();
                    List<Movement> both = new ArrayList<>();
                    if (credit.bucketOf(clientId).isPresent()) {
                        both.add(new Movement(at, credit.kind(), amount, rs.getString(6), rs.getString(7)));
                    }
                    if (debit.bucketOf(clientId).isPresent()) {
                        both.add(new Movement(at, debit.kind(), amount.negate(), rs.getString(6), rs.getString(7)));
                    }
                    return both;
                }, clientId, Timestamp.from(from), Timestamp.from(to)).stream().flatMap(List::stream).toList();
    }

    /** What one component moved in the client's buckets in all, in one currency. */
    public record ComponentTotal(String component, Money toBuckets) {
    }

    static final String LATEST_COMPONENTS = "select component from transfer where client_id = ? and component like ?"
            + " group by component order by max(id) desc limit ?";

    /** The client's {@code limit} components last posted under {@code prefix} (e.g. {@code charge/}), newest first. */
    public List<ComponentTotal> latestComponents(String clientId, String prefix, int limit) {
        List<String> latest = jdbc.queryForList(LATEST_COMPONENTS, String.class, clientId, prefix + "%", limit);
        if (latest.isEmpty()) {
            return List.of();
        }
        Map<String, Money> totals = new java.util.HashMap<>();
        jdbc.query("select component, currency, debit_account, credit_account, sum(amount) from transfer where client_id = ?"
                        + " and component = any(?) group by component, currency, debit_account, credit_account", ps -> {
                    ps.setString(1, clientId);
                    io.settlehub.core.jdbc.TextArray.bind(ps, 2, latest);
                }, rs -> {
                    Money amount = Money.rounded(rs.getBigDecimal(5), rs.getString(2));
                    Money moved = Money.zero(rs.getString(2));
                    moved = AccountKey.parse(rs.getString(4)).bucketOf(clientId).isPresent() ? moved.plus(amount) : moved;
                    moved = AccountKey.parse(rs.getString(3)).bucketOf(clientId).isPresent() ? moved.minus(amount) : moved;
                    totals.merge(rs.getString(1) + " " + rs.getString(2), moved, Money::plus);
                });
        List<ComponentTotal> found = new ArrayList<>();
        for (String component : latest) {
            totals.forEach((key, amount) -> {
                if (key.substring(0, key.lastIndexOf(' ')).equals(component)) {
                    found.add(new ComponentTotal(component, amount));
                }
            });
        }
        return found;
    }

    /** Sum of all debits and of all credits over every account: equal, always. */
    public BigDecimal[] totals() {
        return jdbc.queryForObject("select coalesce(sum(debits_posted), 0), coalesce(sum(credits_posted), 0) from account",
                (rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)});
    }
}
