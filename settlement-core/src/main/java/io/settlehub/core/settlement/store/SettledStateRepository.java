package io.settlehub.core.settlement.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.BulkInsert;
import io.settlehub.core.jdbc.BulkUpdate;
import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.jdbc.TextArray;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Component;
import io.settlehub.core.settlement.BusinessKey;
import io.settlehub.core.settlement.Checkpoint;
import io.settlehub.core.settlement.ComponentSelection;
import io.settlehub.core.settlement.Derivation;
import io.settlehub.core.settlement.FeeObservation;
import io.settlehub.core.settlement.LineBelowCost;
import io.settlehub.core.settlement.OrderFigures;
import io.settlehub.core.settlement.PortionRef;
import io.settlehub.core.settlement.SettledState;
import io.settlehub.core.settlement.StoredLot;
import io.settlehub.core.settlement.StoredOrder;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.*;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The clients' checkpoints, their orders' lot takes and the fact-to-order index (decision 0010), read for many clients
 * per round trip. Every write happens in the transaction that posts the transfers the state accounts for.
 */
@Repository
public class SettledStateRepository implements SettledState {

    private static final BulkUpdate.Column CLIENT = new BulkUpdate.Column("client_id", "varchar");
    /** Pairs per statement: well under the drivers' bind-parameter limits. */
    private static final int CHUNK = 500;
    private static final TypeReference<Map<String, List<List<PortionRef>>>> TAKES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> DECLARATIONS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final FactCache cache;
    private final SqlDialect dialect;
    private final HeldByReleaseRepository heldByRelease;
    private final PendingBySourceRepository pendingBySource;
    private final SupplierDueRepository supplierDues;
    private final RatePairRepository ratePairs;
    private final BulkInsert bulk;
    private final BulkUpdate bulkUpdate;
    private final UnmatchedPayoutRepository unmatchedPayouts;
    /**
     * The keys of these columns' objects are ids (declarations, sale lines), a few new ones in every client: interned as
     * field names, they filled the parser's shared symbol table until every lookup walked a long chain of collisions.
     */
    private final ObjectMapper json = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build());

    public SettledStateRepository(JdbcTemplate jdbc, FactCache cache, SqlDialect dialect, HeldByReleaseRepository held,
                                  PendingBySourceRepository pendingBySource, SupplierDueRepository supplierDues,
                                  RatePairRepository ratePairs, BulkInsert bulk, BulkUpdate bulkUpdate,
                                  UnmatchedPayoutRepository unmatchedPayouts) {
        this.unmatchedPayouts = unmatchedPayouts;
        this.pendingBySource = pendingBySource;
        this.bulkUpdate = bulkUpdate;
        this.ratePairs = ratePairs;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.supplierDues = supplierDues;
        this.dialect = dialect;
        this.heldByRelease = held;
        this.cache = cache;
    }

    @Override
    public Map<String, Checkpoint> checkpoints(Collection<String> clientIds) {
        Map<String, Checkpoint> heads = new HashMap<>();
        Map<String, List<StoredLot>> lots = new HashMap<>();
        List<String> clients = List.copyOf(clientIds);
        if (!clients.isEmpty()) {
            jdbc.query("select client_id, frontier_at, frontier_event, declarations, unlisted_payouts, reference_version"
                    + " from settlement_checkpoint where client_id = any(?)", ps -> TextArray.bind(ps, 1, clients), rs -> {
                        Timestamp at = rs.getTimestamp(2);
                        heads.put(rs.getString(1), new Checkpoint(at == null ? null : new BusinessKey(at.toInstant(), rs.getString(3)),
                                List.of(), readMap(rs.getString(4)), rs.getBoolean(5), rs.getString(6)));
                    });
            jdbc.query("select client_id, lot_id, receipt_id, supplier_id, sku, received_at, quantity, unit_goods_cost, goods_currency,"
                    + " unit_customs, unit_logistics, cost_currency, remaining from settlement_lot where client_id = any(?)"
                    + " order by client_id, position", ps -> TextArray.bind(ps, 1, clients), rs -> {
                        lots.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(new StoredLot(rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7),
                                new Money(new java.math.BigDecimal(rs.getString(8)), rs.getString(9)), new java.math.BigDecimal(rs.getString(10)),
                                new java.math.BigDecimal(rs.getString(11)), rs.getString(12), rs.getInt(13)));
                    });
        }
        Map<String, Checkpoint> checkpoints = new HashMap<>();
        heads.forEach((client, head) -> checkpoints.put(client, new Checkpoint(head.frontier(), lots.getOrDefault(client, List.of()),
                head.declarations(), head.unlistedPayouts(), head.referenceVersion())));
        return checkpoints;
    }

    @Override
    public Map<String, Map<String, StoredOrder>> orders(Map<String, ? extends Collection<String>> orderIdsByClient) {
        Map<String, Map<String, StoredOrder>> orders = new HashMap<>();
        queryPairs("select o.client_id, o.order_id, o.currency, o.takes from settlement_order o", "o.client_id", "o.order_id", "",
                orderIdsByClient, rs -> {
                    orders.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(rs.getString(2),
                            new StoredOrder(rs.getString(2), rs.getString(3), readTakes(rs.getString(4))));
                });
        return orders;
    }

    @Override
    public Map<String, List<CanonicalEvent>> factsNaming(Map<String, ? extends Collection<String>> orderIdsByClient) {
        Map<String, Set<String>> idsByClient = new HashMap<>();
        queryPairs("select o.client_id, o.event_id from event_order o", "o.client_id", "o.order_id", "", orderIdsByClient, rs -> {
            idsByClient.computeIfAbsent(rs.getString(1), c -> new LinkedHashSet<>()).add(rs.getString(2));
        });
        Map<String, CanonicalEvent> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        idsByClient.values().forEach(ids -> ids.forEach(id -> {
            CanonicalEvent cached = cache.get(id);
            if (cached != null) {
                found.put(id, cached);
            } else if (!found.containsKey(id)) {
                missing.add(id);
            }
        }));
        List<CanonicalEvent> read = new ArrayList<>();
        List<String> toRead = missing.stream().distinct().toList();
        if (!toRead.isEmpty()) {
            jdbc.query("select body from event_fact where event_id = any(?)", ps -> TextArray.bind(ps, 1, toRead), rs -> {
                read.add(EventCodec.decode(rs.getString(1)));
            });
        }
        read.forEach(e -> found.put(e.eventId(), e));
        Map<String, List<CanonicalEvent>> lists = new HashMap<>();
        idsByClient.forEach((client, ids) -> lists.put(client, ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList()));
        return lists;
    }

    @Override
    public Map<String, List<Component>> held(Map<String, ComponentSelection> selectionByClient) {
        Map<String, Map<String, Component>> net = new HashMap<>();
        org.springframework.jdbc.core.RowCallbackHandler rows = rs -> {
            Component part = new Component(rs.getString(2), AccountKey.parse(rs.getString(4)),
                    AccountKey.parse(rs.getString(5)), Money.rounded(rs.getBigDecimal(6), rs.getString(3))).normalized();
            net.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>()).merge(
                    io.settlehub.core.ledger.PostingPlan.keyOf(part), part,
                    (a, b) -> new Component(a.key(), a.debit(), a.credit(), a.amount().plus(b.amount())));
        };
        // each order's components as one range of the journal's (client_id, component) index, single components as
        // ranges of one key; the bounds compare byte by byte (the index's text_pattern_ops on PostgreSQL)
        List<String[]> ranges = new ArrayList<>();
        selectionByClient.forEach((client, selection) -> {
            selection.orderScopes().forEach(scope -> ranges.add(new String[] {client, scope, ComponentSelection.upperBound(scope)}));
            selection.keys().forEach(key -> ranges.add(new String[] {client, key, key}));
        });
        String select = "select t.client_id, t.component, t.currency, t.debit_account, t.credit_account, sum(t.amount) from transfer t";
        String group = " group by t.client_id, t.component, t.currency, t.debit_account, t.credit_account";
        if (postgres()) {
            if (!ranges.isEmpty()) {
                // "offset 0": one index range per row of the arrays (see queryPairs)
                jdbc.query("select x.* from unnest(?::text[], ?::text[], ?::text[]) as k(k1, lo, hi) cross join lateral (" + select
                        + " where t.client_id = k.k1 and t.component ~>=~ k.lo and t.component ~<=~ k.hi" + group + " offset 0) as x",
                        ps -> {
                            TextArray.planWithParameters(ps);
                            for (int column = 0; column < 3; column++) {
                                int c = column;
                                ps.setArray(column + 1, ps.getConnection().createArrayOf("text", ranges.stream().map(r -> r[c]).toArray()));
                            }
                        }, rows);
            }
        } else {
            for (int i = 0; i < ranges.size(); i += CHUNK) {
                List<String[]> chunk = ranges.subList(i, Math.min(ranges.size(), i + CHUNK));
                jdbc.query(select + " where " + String.join(" or ", Collections.nCopies(chunk.size(),
                                "(t.client_id = ? and t.component >= ? and t.component <= ?)")) + group, rows,
                        chunk.stream().flatMap(java.util.Arrays::stream).toArray());
            }
        }
        Map<String, List<Component>> held = new HashMap<>();
        net.forEach((client, parts) -> held.put(client, parts.values().stream().filter(c -> !c.amount().isZero()).toList()));
        return held;
    }

    /** Records which orders each new fact names. */
    public void indexFacts(List<CanonicalEvent> facts) {
        List<String[]> rows = new ArrayList<>();
        for (CanonicalEvent event : facts) {
            if (event.clientId() != null) {
                io.settlehub.core.settlement.NamedOrders.of(event)
                        .forEach(order -> rows.add(new String[] {event.clientId(), order, event.eventId()}));
            }
        }
        bulk.insert("event_order", List.of("client_id", "order_id", "event_id"), rows, row -> row);
    }

    /** Re-indexes every fact of a client that had no checkpoint yet (its facts may predate the index). */
    public void reindexClient(String clientId, List<CanonicalEvent> facts) {
        jdbc.update("delete from event_order where client_id = ?", clientId);
        indexFacts(facts);
    }

    /**
     * A client's state replaced whole, after a full derivation; {@code moved}: the orders whose figures the ledger moved
     * (marked changed for the alert rules, with their fee rates recorded again).
     */
    public void replace(String clientId, Checkpoint checkpoint, Derivation derivation, Set<String> moved) {
        Map<String, Timestamp> previous = new HashMap<>();
        jdbc.query("select order_id, changed_at from settlement_order where client_id = ?",
                rs -> {
                    previous.put(rs.getString(1), rs.getTimestamp(2));
                }, clientId);
        jdbc.update("delete from settlement_checkpoint where client_id = ?", clientId);
        jdbc.update("delete from settlement_lot where client_id = ?", clientId);
        jdbc.update("delete from settlement_order where client_id = ?", clientId);
        jdbc.update("delete from fee_rate_observation where client_id = ?", clientId);
        insertCheckpoints(Map.of(clientId, checkpoint));
        insertLots(clientId, checkpoint.lots());
        Timestamp now = Timestamp.from(Instant.now());
        java.util.function.BiFunction<String, String, Timestamp> changedAt = (client, id) -> moved.contains(id) ? now : previous.get(id);
        insertOrders(Map.of(clientId, derivation), changedAt);
        supplierDues.clear(clientId);
        supplierDues.insert(Map.of(clientId, derivation.settlement().orders()));
        heldByRelease.clear(clientId);
        pendingBySource.clear(clientId);
        HeldByReleaseRepository.Changes holds = new HeldByReleaseRepository.Changes();
        PendingBySourceRepository.Changes pending = new PendingBySourceRepository.Changes();
        derivation.settlement().orders().forEach(o -> {
            OrderFigures figures = OrderFigures.of(o);
            holds.after(clientId, figures);
            pending.after(clientId, figures);
        });
        heldByRelease.apply(holds);
        pendingBySource.apply(pending);
        // an observation is examined again only if its order moved now: a rebuild that changes nothing raises nothing new
        insertFeeRates(Map.of(clientId, derivation.settlement().orders()), changedAt);
        unmatchedPayouts.clear(clientId);
        unmatchedPayouts.record(Map.of(clientId, derivation.settlement().payouts()));
        ratePairs.replace(clientId, derivation.ratePairs());
    }

    /**
     * Continuations of many clients: their checkpoints, the lots whose units changed, the orders rebuilt ({@code moved}:
     * those whose figures the ledger moved; {@code lined}: those whose sold lines changed, whose fee rates are recorded).
     */
    public void update(Map<String, Checkpoint> before, Map<String, Checkpoint> after, Map<String, Derivation> derivations,
                       Map<String, Set<String>> moved, Map<String, Set<String>> lined) {
        List<BulkUpdate.Column> columns = List.of(new BulkUpdate.Column("frontier_at", "timestamp with time zone"),
                new BulkUpdate.Column("frontier_event", "varchar"), new BulkUpdate.Column("unlisted_payouts", "boolean"),
                new BulkUpdate.Column("reference_version", "varchar"));
        bulkUpdate.update("settlement_checkpoint", List.of(CLIENT), columns, List.copyOf(after.entrySet()), entry -> checkpointRow(entry));
        List<Object[]> lots = new ArrayList<>();
        after.forEach((client, checkpoint) -> {
            Map<String, Integer> was = new HashMap<>();
            before.get(client).lots().forEach(l -> was.put(l.id(), l.remaining()));
            checkpoint.lots().stream().filter(l -> !Integer.valueOf(l.remaining()).equals(was.get(l.id())))
                    .forEach(l -> lots.add(new Object[] {client, l.id(), l.remaining()}));
        });
        bulkUpdate.update("settlement_lot", List.of(CLIENT, new BulkUpdate.Column("lot_id", "varchar")),
                List.of(new BulkUpdate.Column("remaining", "integer")), lots, row -> row);
        Map<String, List<String>> ids = new HashMap<>();
        derivations.forEach((client, derivation) -> ids.put(client, derivation.storedOrders().stream().map(StoredOrder::orderId).toList()));
        Map<String, Map<String, Timestamp>> previous = new HashMap<>();
        HeldByReleaseRepository.Changes holds = new HeldByReleaseRepository.Changes();
        PendingBySourceRepository.Changes pending = new PendingBySourceRepository.Changes();
        queryPairs("select o.client_id, o.order_id, o.changed_at, o.currency, o.outstanding_hold, o.hold_release_at, o.source, o.pending"
                        + " from settlement_order o", "o.client_id", "o.order_id", "", ids, rs -> {
                    previous.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(rs.getString(2), rs.getTimestamp(3));
                    Timestamp release = rs.getTimestamp(6);
                    holds.before(rs.getString(1), new HeldByReleaseRepository.Hold(rs.getString(4), rs.getBigDecimal(5),
                            release == null ? null : release.toInstant()));
                    pending.before(rs.getString(1), rs.getString(4), rs.getString(7), rs.getBigDecimal(8));
                });
        derivations.forEach((client, derivation) -> derivation.settlement().orders().forEach(o -> {
            OrderFigures figures = OrderFigures.of(o);
            holds.after(client, figures);
            pending.after(client, figures);
        }));
        heldByRelease.apply(holds);
        pendingBySource.apply(pending);
        deletePairs("order_supplier_due", recordedBefore(ids, previous));
        Map<String, List<io.settlehub.core.settlement.OrderSettlement>> dueOrders = new HashMap<>();
        derivations.forEach((client, derivation) -> dueOrders.put(client, derivation.settlement().orders()));
        supplierDues.insert(dueOrders);
        if (!postgres()) {
            deletePairs("settlement_order", recordedBefore(ids, previous));
        }
        Timestamp now = Timestamp.from(Instant.now());
        insertOrders(derivations, (client, id) -> moved.getOrDefault(client, Set.of()).contains(id) ? now
                : previous.getOrDefault(client, Map.of()).get(id));
        Map<String, List<String>> linedIds = new HashMap<>();
        Map<String, List<io.settlehub.core.settlement.OrderSettlement>> linedOrders = new HashMap<>();
        derivations.forEach((client, derivation) -> {
            Set<String> linedOfClient = lined.getOrDefault(client, Set.of());
            linedIds.put(client, List.copyOf(linedOfClient));
            linedOrders.put(client, derivation.settlement().orders().stream().filter(o -> linedOfClient.contains(o.orderId())).toList());
        });
        deletePairs("fee_rate_observation", recordedBefore(linedIds, previous));
        insertFeeRates(linedOrders, (client, id) -> now);
        Map<String, List<io.settlehub.core.settlement.ClientSettlement.ReceivedPayout>> payouts = new HashMap<>();
        derivations.forEach((client, derivation) -> {
            if (!derivation.settlement().payouts().isEmpty()) {
                payouts.put(client, derivation.settlement().payouts());
            }
        });
        unmatchedPayouts.record(payouts);
        Map<String, Set<String>> pairs = new HashMap<>();
        derivations.forEach((client, derivation) -> pairs.put(client, derivation.ratePairs()));
        ratePairs.add(pairs);
    }

    private static Object[] checkpointRow(Map.Entry<String, Checkpoint> entry) {
        BusinessKey frontier = entry.getValue().frontier();
        return new Object[] {entry.getKey(), frontier == null ? null : frontier.occurredAt(), frontier == null ? null : frontier.eventId(),
                entry.getValue().unlistedPayouts(), entry.getValue().referenceVersion()};
    }

    /** Of the orders, those recorded before this batch: only they have rows to replace (a new order costs no probe). */
    private static Map<String, List<String>> recordedBefore(Map<String, List<String>> ids, Map<String, Map<String, Timestamp>> recorded) {
        Map<String, List<String>> before = new HashMap<>();
        ids.forEach((client, orders) -> {
            Map<String, Timestamp> existed = recorded.getOrDefault(client, Map.of());
            before.put(client, orders.stream().filter(existed::containsKey).toList());
        });
        return before;
    }

    /** Whether the client's settled state exists (it is being settled again otherwise, e.g. right after an upgrade). */
    public boolean hasCheckpoint(String clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from settlement_checkpoint where client_id = ?",
                Boolean.class, clientId));
    }

    /**
     * Of these clients, those whose settled state stands for a full derivation with these reference data: a checkpoint,
     * made with {@code referenceVersion}, and no payout without its orders.
     */
    public Set<String> continuable(Collection<String> clientIds, String referenceVersion) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : TextArray.chunks(clientIds, 1000)) {
            jdbc.query("select client_id from settlement_checkpoint where client_id = any(?) and unlisted_payouts = false"
                    + " and reference_version = ?", ps -> {
                        TextArray.bind(ps, 1, chunk);
                        ps.setString(2, referenceVersion);
                    }, rs -> {
                        found.add(rs.getString(1));
                    });
        }
        return found;
    }

    /** The client's orders sold in [from, to). */
    public List<String> ordersSoldBetween(String clientId, Instant from, Instant to) {
        return jdbc.queryForList("select order_id from settlement_order where client_id = ? and sold_at >= ? and sold_at < ?",
                String.class, clientId, Timestamp.from(from), Timestamp.from(to));
    }

    /** The orders' fee-rate observations ({@code recordedAt}: by client, then order; what the next alert scan examines). */
    private void insertFeeRates(Map<String, List<io.settlehub.core.settlement.OrderSettlement>> ordersByClient,
                                java.util.function.BiFunction<String, String, Timestamp> recordedAt) {
        List<Object[]> rows = new ArrayList<>();
        ordersByClient.forEach((clientId, orders) -> {
            for (var order : orders) {
                List<FeeObservation> observed = FeeObservation.of(order);
                if (observed.isEmpty()) {
                    continue;
                }
                Timestamp at = recordedAt.apply(clientId, order.orderId());
                Instant recorded = at == null ? null : at.toInstant();
                for (FeeObservation o : observed) {
                    rows.add(new Object[] {clientId, order.orderId(), o.lineIndex(), order.source(), o.sku(), order.soldAt(), o.rate(),
                        o.saleFees().amount(), o.saleGross().amount(), o.saleGross().currency(), recorded});
                }
            }
        });
        bulk.insert("fee_rate_observation", List.of("client_id", "order_id", "line_index", "source", "sku", "sold_at", "rate", "sale_fees",
                "sale_gross", "currency", "recorded_at"), rows, row -> row);
    }

    private void insertCheckpoints(Map<String, Checkpoint> checkpoints) {
        jdbc.batchUpdate("insert into settlement_checkpoint (client_id, frontier_at, frontier_event, unlisted_payouts, reference_version,"
                        + " declarations) values (?, ?, ?, ?, ?, ?)",
                new ArrayList<>(checkpoints.entrySet()), 1000, (ps, entry) -> {
                    BusinessKey frontier = entry.getValue().frontier();
                    ps.setString(1, entry.getKey());
                    ps.setTimestamp(2, frontier == null ? null : Timestamp.from(frontier.occurredAt()));
                    ps.setString(3, frontier == null ? null : frontier.eventId());
                    ps.setBoolean(4, entry.getValue().unlistedPayouts());
                    ps.setString(5, entry.getValue().referenceVersion());
                    ps.setString(6, writeJson(entry.getValue().declarations()));
                });
    }

    private void insertLots(String clientId, List<StoredLot> lots) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lots.size(); i++) {
            StoredLot l = lots.get(i);
            rows.add(new Object[] {clientId, l.id(), i, l.receiptId(), l.supplierId(), l.sku(), Timestamp.from(l.receivedAt()), l.quantity(),
                    l.unitGoodsCost().amount().toString(), l.unitGoodsCost().currency(), l.unitCustoms().toString(),
                    l.unitLogistics().toString(), l.costCurrency(), l.remaining()});
        }
        jdbc.batchUpdate("insert into settlement_lot (client_id, lot_id, position, receipt_id, supplier_id, sku, received_at, quantity,"
                + " unit_goods_cost, goods_currency, unit_customs, unit_logistics, cost_currency, remaining)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The derivation's orders, each with the lot units its sales took and its figures as the ledger now holds them. */
    /** An order of a client's derivation, to be written. */
    private record OrderRow(String clientId, Derivation derivation, io.settlehub.core.settlement.OrderSettlement order) {
    }

    /**
     * The derivations' orders, each with the lot units its sales took and its figures as the ledger now holds them, in one
     * batch for all the clients ({@code changedAt}: by client, then order).
     */
    private static final List<String> ORDER_COLUMNS = List.of("client_id", "order_id", "currency", "takes", "changed_at", "source",
            "sold_at", "gross", "marketplace_fees", "commission", "landed_cost", "client_net", "pending", "held", "available",
            "outstanding_hold", "hold_release_at", "holding", "marketplace_paid", "paid_beyond", "lines_below_cost");

    private void insertOrders(Map<String, Derivation> derivations, java.util.function.BiFunction<String, String, Timestamp> changedAt) {
        List<OrderRow> rows = new ArrayList<>();
        derivations.forEach((client, derivation) -> derivation.settlement().orders().forEach(o -> rows.add(new OrderRow(client, derivation, o))));
        java.util.function.Function<OrderRow, Object[]> values = row -> {
            var order = row.order();
            OrderFigures figures = OrderFigures.of(order);
            Timestamp changed = changedAt.apply(row.clientId(), order.orderId());
            return new Object[] {row.clientId(), order.orderId(), order.currency(), writeTakes(row.derivation().taken().get(order.orderId())),
                changed == null ? null : changed.toInstant(), figures.source(), figures.soldAt(), figures.gross().amount(),
                figures.marketplaceFees().amount(), figures.commission().amount(), figures.landedCost().amount(),
                figures.clientNet().amount(), figures.pending().amount(), figures.held().amount(), figures.available().amount(),
                figures.outstandingHold().amount(), figures.expectedRelease(), figures.holding(), figures.marketplacePaid().amount(),
                figures.paidBeyond().amount(), LinesBelowCostColumn.write(LineBelowCost.of(order))};
        };
        if (postgres()) {
            bulk.upsert("settlement_order", List.of("client_id", "order_id"), ORDER_COLUMNS, ORDER_COLUMNS.stream().skip(2)
                    .map(c -> c + " = excluded." + c).collect(java.util.stream.Collectors.joining(", ")), rows, values);
        } else {
            bulk.insert("settlement_order", ORDER_COLUMNS, rows, values);
        }
    }

    private Map<String, List<List<PortionRef>>> readTakes(String text) {
        return readJson(text, TAKES, "lot takes in settlement_order");
    }

    private <T> T readJson(String text, TypeReference<T> type, String what) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + what, e);
        }
    }

    private String writeTakes(Map<String, List<List<PortionRef>>> takes) {
        return writeJson(takes);
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readMap(String text) {
        return readJson(text, DECLARATIONS, "declarations in settlement_checkpoint");
    }

    /**
     * Runs {@code select} restricted to rows whose ({@code first}, {@code second}) is one of the pairs. On PostgreSQL the
     * pairs go as two arrays read by position, {@code select} run for each (one index probe per pair, whatever their
     * number); elsewhere as chunks of a row-value list.
     */
    private void queryPairs(String select, String first, String second, String tail, Map<String, ? extends Collection<String>> valuesByClient,
                            org.springframework.jdbc.core.RowCallbackHandler rows) {
        if (postgres()) {
            ArrayPairs pairs = ArrayPairs.of(valuesByClient);
            if (!pairs.isEmpty()) {
                // one index probe per pair, whatever the planner believes of the table's size: "offset 0" keeps the lateral
                // subquery from being flattened into a join, which stale statistics turned into a sorted merge of the table
                jdbc.query("select x.* from unnest(?::text[], ?::text[]) as k(k1, k2) cross join lateral (" + select + " where " + first
                        + " = k.k1 and " + second + " = k.k2" + tail + " offset 0) as x", pairs::bind, rows);
            }
            return;
        }
        forPairs(valuesByClient, (pairs, marks) -> jdbc.query(select + " where (" + first + ", " + second + ") in (" + marks + ")" + tail,
                rows, pairs));
    }

    /** Deletes the rows of {@code table} whose (client_id, order_id) is one of the pairs. */
    private void deletePairs(String table, Map<String, ? extends Collection<String>> orderIdsByClient) {
        if (postgres()) {
            ArrayPairs pairs = ArrayPairs.of(orderIdsByClient);
            if (!pairs.isEmpty()) {
                jdbc.update("delete from " + table + " t using unnest(?::text[], ?::text[]) as k(k1, k2)"
                        + " where t.client_id = k.k1 and t.order_id = k.k2", pairs::bind);
            }
            return;
        }
        forPairs(orderIdsByClient, (pairs, marks) -> jdbc.update("delete from " + table + " where (client_id, order_id) in (" + marks + ")",
                pairs));
    }

    /** (client id, value) pairs as two parallel text arrays, bound as the first two parameters. */
    private record ArrayPairs(List<String> clients, List<String> values) {

        static ArrayPairs of(Map<String, ? extends Collection<String>> valuesByClient) {
            List<String> clients = new ArrayList<>();
            List<String> values = new ArrayList<>();
            valuesByClient.forEach((client, list) -> list.forEach(value -> {
                clients.add(client);
                values.add(value);
            }));
            return new ArrayPairs(clients, values);
        }

        boolean isEmpty() {
            return clients.isEmpty();
        }

        void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException {
            TextArray.planWithParameters(ps);
            ps.setArray(1, ps.getConnection().createArrayOf("text", clients.toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("text", values.toArray()));
        }
    }

    private boolean postgres() {
        return dialect.postgres();
    }

    /** Runs a query over (client id, value) pairs, a chunk at a time: the pairs flattened, and their "(?, ?), …" list. */
    private static void forPairs(Map<String, ? extends Collection<String>> valuesByClient, BiConsumer<Object[], String> query) {
        List<String> flat = new ArrayList<>();
        valuesByClient.forEach((client, values) -> values.forEach(value -> {
            flat.add(client);
            flat.add(value);
        }));
        for (int i = 0; i < flat.size(); i += 2 * CHUNK) {
            List<String> chunk = flat.subList(i, Math.min(flat.size(), i + 2 * CHUNK));
            query.accept(chunk.toArray(), String.join(", ", Collections.nCopies(chunk.size() / 2, "(?, ?)")));
        }
    }
}
