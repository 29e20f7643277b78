package io.settlehub.core.ledger.store;

import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.BalanceLine;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.Transfer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each client's buckets by why they moved ({@link BalanceLine}): running totals moved with every posting, so the
 * balance waterfall reads a few rows per client, not its journal. For every client and currency, the lines of a bucket
 * add up to the bucket's balance.
 */
@Repository
public class BalanceLineRepository {

    /** What one line moved one bucket of the client, in total. */
    public record Line(String currency, BalanceLine line, Bucket bucket, BigDecimal amount) {
    }

    private final JdbcTemplate jdbc;
    private final io.settlehub.core.jdbc.BulkInsert bulk;

    public BalanceLineRepository(JdbcTemplate jdbc, io.settlehub.core.jdbc.BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    void record(List<Transfer> transfers) {
        Map<String, Object[]> growth = new TreeMap<>();
        for (Transfer t : transfers) {
            if (t.clientId() != null) {
                BalanceLine line = BalanceLine.of(t.component());
                grow(growth, t, line, t.credit(), t.amount().amount());
                grow(growth, t, line, t.debit(), t.amount().amount().negate());
            }
        }
        growth.values().removeIf(g -> ((BigDecimal) g[4]).signum() == 0);
        if (growth.isEmpty()) {
            return;
        }
        bulk.addingUpsert("balance_line", List.of("client_id", "currency", "line", "bucket"), List.of(), List.of("amount"), List.of(),
                List.of("varchar(100)", "varchar(3)", "varchar(20)", "varchar(20)", "numeric(38, 10)"), growth.values(), row -> row);
    }

    private static void grow(Map<String, Object[]> growth, Transfer t, BalanceLine line, AccountKey account, BigDecimal amount) {
        Optional<Bucket> bucket = account.bucketOf(t.clientId());
        if (bucket.isEmpty()) {
            return;
        }
        String key = t.clientId() + '\u0000' + account.currency() + '\u0000' + line.key() + '\u0000' + bucket.get().kind();
        Object[] row = growth.computeIfAbsent(key, k -> new Object[] {t.clientId(), account.currency(), line.key(), bucket.get().kind(),
                BigDecimal.ZERO});
        row[4] = ((BigDecimal) row[4]).add(amount);
    }

    /** The client's lines, by currency, line and bucket. */
    public List<Line> of(String clientId) {
        return jdbc.query("select currency, line, bucket, amount from balance_line where client_id = ? order by currency, line, bucket",
                (rs, i) -> new Line(rs.getString(1), BalanceLine.ofKey(rs.getString(2)), Bucket.ofKind(rs.getString(3)).orElseThrow(),
                        rs.getBigDecimal(4)), clientId);
    }
}
