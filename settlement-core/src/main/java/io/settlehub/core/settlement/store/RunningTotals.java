package io.settlehub.core.settlement.store;

import io.settlehub.core.jdbc.TextArray;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Running totals kept beside the orders (a table keyed by {@code client_id} and more, with an {@code amount}): a batch
 * adds what its orders moved, and a total that comes back to zero is removed.
 */
final class RunningTotals {

    private RunningTotals() {
    }

    /**
     * Adds each row's amount to its total. A key is the row's key values in the order of {@code keys}, the first the
     * client; {@code types} are the SQL types of the keys, then of the amount.
     */
    static void add(JdbcTemplate jdbc, io.settlehub.core.jdbc.BulkInsert bulk, String table, List<String> keys, List<String> types,
                    Map<List<Object>, BigDecimal> moved) {
        List<Map.Entry<List<Object>, BigDecimal>> rows = new ArrayList<>(moved.entrySet());
        rows.removeIf(e -> e.getValue().signum() == 0);
        if (rows.isEmpty()) {
            return;
        }
        bulk.addingUpsert(table, keys, List.of(), List.of("amount"), List.of(), types, rows, e -> {
            Object[] values = e.getKey().toArray(new Object[keys.size() + 1]);
            values[keys.size()] = e.getValue();
            return values;
        });
        jdbc.update("delete from " + table + " where amount = 0 and client_id = any(?)", ps -> TextArray.bind(ps, 1,
                rows.stream().map(e -> (String) e.getKey().get(0)).distinct().toList()));
    }
}
