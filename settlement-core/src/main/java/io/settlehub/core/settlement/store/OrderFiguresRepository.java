package io.settlehub.core.settlement.store;

import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.TextArray;
import io.settlehub.core.settlement.OrderFigures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the orders' figures that ingest keeps beside the settled state (settlement_order): a client's latest orders and
 * those the marketplace still holds money of, through indexes on the client, never by deriving anything.
 */
@Repository
public class OrderFiguresRepository {

    private static final String COLUMNS = "order_id, source, sold_at, currency, gross, marketplace_fees, commission, landed_cost,"
            + " client_net, pending, held, available, outstanding_hold, hold_release_at, marketplace_paid, paid_beyond";

    private final JdbcTemplate jdbc;

    public OrderFiguresRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's {@code limit} latest orders by sale time, latest first. */
    public List<OrderFigures> latest(String clientId, int limit) {
        return jdbc.query("select " + COLUMNS + " from settlement_order where client_id = ? order by sold_at desc, order_id desc limit ?",
                OrderFiguresRepository::figures, clientId, limit);
    }

    /** Up to {@code limit} orders the marketplace still holds money of, soonest expected release first (unknown last). */
    public List<OrderFigures> holding(String clientId, int limit) {
        return jdbc.query("select " + COLUMNS + " from settlement_order where client_id = ? and holding = true"
                + " order by hold_release_at nulls last, order_id limit ?", OrderFiguresRepository::figures, clientId, limit);
    }

    /** The client's orders sold at or after {@code from}, in sale order. */
    public List<OrderFigures> soldSince(String clientId, java.time.Instant from) {
        return jdbc.query("select " + COLUMNS + " from settlement_order where client_id = ? and sold_at >= ? order by sold_at, order_id",
                OrderFiguresRepository::figures, clientId, Timestamp.from(from));
    }

    /** Per client, its orders the marketplace paid beyond what it owed, in sale order. */
    public java.util.Map<String, List<OrderFigures>> paidBeyond(java.util.Collection<String> clientIds) {
        java.util.Map<String, List<OrderFigures>> found = new java.util.HashMap<>();
        for (List<String> chunk : TextArray.chunks(clientIds, 1000)) {
            jdbc.query("select " + COLUMNS + ", client_id from settlement_order where client_id = any(?) and paid_beyond > 0"
                    + " order by client_id, sold_at, order_id", ps -> TextArray.bind(ps, 1, chunk), rs -> {
                        found.computeIfAbsent(rs.getString(17), c -> new java.util.ArrayList<>()).add(figures(rs, 0));
                    });
        }
        return found;
    }

    private static OrderFigures figures(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString(4);
        Timestamp release = rs.getTimestamp(14);
        return new OrderFigures(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), currency, money(rs, 5, currency),
                money(rs, 6, currency), money(rs, 7, currency), money(rs, 8, currency), money(rs, 9, currency), money(rs, 10, currency),
                money(rs, 11, currency), money(rs, 12, currency), money(rs, 13, currency), release == null ? null : release.toInstant(),
                money(rs, 15, currency), money(rs, 16, currency));
    }

    private static Money money(ResultSet rs, int column, String currency) throws SQLException {
        return Money.rounded(rs.getBigDecimal(column), currency);
    }
}
