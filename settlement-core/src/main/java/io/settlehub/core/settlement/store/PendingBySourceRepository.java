package io.settlehub.core.settlement.store;

import io.settlehub.core.settlement.OrderFigures;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per client, currency and marketplace, what the marketplace still owes the client for its orders (their pending):
 * moved by the orders' figures as ingest changes them, so that the cash-expected chart reads a row per marketplace
 * however many orders the client has sold.
 */
@Repository
public class PendingBySourceRepository {

    /** The pending of a batch's orders, before and after: what moves the totals. */
    public static final class Changes {
        private final Map<List<Object>, BigDecimal> moved = new HashMap<>();

        public void before(String clientId, String currency, String source, BigDecimal pending) {
            if (pending != null) {
                moved.merge(List.of(clientId, currency, source), pending.negate(), BigDecimal::add);
            }
        }

        public void after(String clientId, OrderFigures figures) {
            moved.merge(List.of(clientId, figures.currency(), figures.source()), figures.pending().amount(), BigDecimal::add);
        }
    }

    private final JdbcTemplate jdbc;
    private final io.settlehub.core.jdbc.BulkInsert bulk;

    public PendingBySourceRepository(JdbcTemplate jdbc, io.settlehub.core.jdbc.BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    void apply(Changes changes) {
        RunningTotals.add(jdbc, bulk, "pending_by_source", List.of("client_id", "currency", "source"),
                List.of("varchar(100)", "varchar(3)", "varchar(100)", "numeric(38, 10)"), changes.moved);
    }

    void clear(String clientId) {
        jdbc.update("delete from pending_by_source where client_id = ?", clientId);
    }

    /** What the marketplaces still owe the client in {@code currency} for its orders, by marketplace. */
    public Map<String, BigDecimal> of(String clientId, String currency) {
        Map<String, BigDecimal> pending = new TreeMap<>();
        jdbc.query("select source, amount from pending_by_source where client_id = ? and currency = ? and amount <> 0", rs -> {
            pending.put(rs.getString(1), rs.getBigDecimal(2));
        }, clientId, currency);
        return pending;
    }
}
