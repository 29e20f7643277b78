package io.settlehub.core.settlement.store;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.OrderSettlement;
import io.settlehub.core.settlement.SupplierDue;
import io.settlehub.core.settlement.SupplierDue.Due;
import io.settlehub.core.settlement.SupplierDue.OrderDue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each order's part of its suppliers' dues ({@link SupplierDue#ofOrder}), kept as ingest settles the order: a payout run
 * reads a client's dues instead of deriving the client.
 */
@Repository
public class SupplierDueRepository {

    private final JdbcTemplate jdbc;

    public SupplierDueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the dues of orders just settled (their earlier rows deleted by the caller). */
    /** The dues of the clients' orders, in one batch. */
    void insert(Map<String, List<OrderSettlement>> ordersByClient) {
        List<Object[]> rows = new ArrayList<>();
        ordersByClient.forEach((clientId, orders) -> {
            for (OrderSettlement order : orders) {
                SupplierDue.ofOrder(order).forEach((supplier, due) -> rows.add(new Object[] {clientId, order.orderId(), supplier,
                    due.source(), due.owed().amount(), due.owed().currency(), due.charged().amount(), due.charged().currency()}));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into order_supplier_due (client_id, order_id, supplier_id, source, owed, owed_currency, charged,"
                + " charged_currency) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    void clear(String clientId) {
        jdbc.update("delete from order_supplier_due where client_id = ?", clientId);
    }

    /** What the client's suppliers are owed for its fully paid orders, by supplier: as {@link SupplierDue#of} gives it. */
    public Map<String, Due> of(String clientId) {
        Map<String, List<OrderDue>> bySupplier = new TreeMap<>();
        jdbc.query("select supplier_id, source, order_id, owed, owed_currency, charged, charged_currency from order_supplier_due"
                + " where client_id = ? order by supplier_id, order_id", rs -> {
                    bySupplier.computeIfAbsent(rs.getString(1), s -> new ArrayList<>()).add(new OrderDue(rs.getString(2), rs.getString(3),
                            Money.rounded(rs.getBigDecimal(4), rs.getString(5)), Money.rounded(rs.getBigDecimal(6), rs.getString(7))));
                }, clientId);
        return SupplierDue.summed(bySupplier);
    }
}
