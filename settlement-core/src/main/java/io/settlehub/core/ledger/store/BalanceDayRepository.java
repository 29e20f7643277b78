package io.settlehub.core.ledger.store;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Transfer;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How much each client's buckets grew per business day (Moscow), owed (pending, held, available, in flight) apart from
 * paid: moved with every posting, so that a chart of the last months reads one row per day, not every transfer.
 */
@Repository
public class BalanceDayRepository {

    /** One day's growth of a client's buckets in one currency. */
    public record Day(LocalDate day, BigDecimal owed, BigDecimal paid) {
    }

    private record Key(String clientId, String currency) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byClient = clientId.compareTo(other.clientId);
            return byClient != 0 ? byClient : currency.compareTo(other.currency);
        }
    }

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public BalanceDayRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Adds what the transfers, posted at {@code postedAt}, moved in their clients' buckets to that day. */
    void record(List<Transfer> transfers, Instant postedAt) {
        Map<Key, BigDecimal[]> growth = new TreeMap<>();
        for (Transfer t : transfers) {
            if (t.clientId() == null) {
                continue;
            }
            grow(growth, t, t.credit(), t.amount().amount());
            grow(growth, t, t.debit(), t.amount().amount().negate());
        }
        growth.values().removeIf(g -> g[0].signum() == 0 && g[1].signum() == 0);
        if (growth.isEmpty()) {
            return;
        }
        Date day = Date.valueOf(BusinessCalendar.dateOf(postedAt));
        String upsert = dialect.addingUpsert("balance_day", List.of("client_id", "currency", "business_day"), List.of("owed", "paid"),
                List.of("varchar(100)", "varchar(3)", "date", "numeric(38, 10)", "numeric(38, 10)"));
        jdbc.batchUpdate(upsert, new ArrayList<>(growth.entrySet()), 500, (ps, entry) -> {
            ps.setString(1, entry.getKey().clientId());
            ps.setString(2, entry.getKey().currency());
            ps.setDate(3, day);
            ps.setBigDecimal(4, entry.getValue()[0]);
            ps.setBigDecimal(5, entry.getValue()[1]);
        });
    }

    private static void grow(Map<Key, BigDecimal[]> growth, Transfer t, AccountKey account, BigDecimal amount) {
        java.util.Optional<io.settlehub.core.ledger.Bucket> bucket = account.bucketOf(t.clientId());
        if (bucket.isEmpty()) {
            return;
        }
        BigDecimal[] day = growth.computeIfAbsent(new Key(t.clientId(), account.currency()), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        int part = bucket.get().owed() ? 0 : 1;
        day[part] = day[part].add(amount);
    }

    /** The client's days in {@code currency} from {@code from} on, oldest first (days without a movement are absent). */
    public List<Day> since(String clientId, String currency, LocalDate from) {
        return jdbc.query("select business_day, owed, paid from balance_day where client_id = ? and currency = ? and business_day >= ? order by business_day",
                (rs, i) -> new Day(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getBigDecimal(3)), clientId, currency,
                Date.valueOf(from));
    }
}
