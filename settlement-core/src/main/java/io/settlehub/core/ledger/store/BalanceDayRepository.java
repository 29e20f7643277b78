package io.settlehub.core.ledger.store;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.core.jdbc.TextArray;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.CauseOccurrences;
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
 * paid: moved with every posting, so that a chart of the last months reads one row per day, not every transfer. A
 * movement counts on the business day of the event that caused it (a sale on the day sold, a marketplace payout on the
 * day paid, even when its report arrives later); one caused by no partner event (a payment the hub made) on the day
 * it is posted.
 */
@Repository
public class BalanceDayRepository {

    /** One day's growth of a client's buckets in one currency. */
    public record Day(LocalDate day, BigDecimal owed, BigDecimal paid) {
    }

    private record Key(String clientId, String currency, LocalDate day) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byClient = clientId.compareTo(other.clientId);
            int byCurrency = currency.compareTo(other.currency);
            return byClient != 0 ? byClient : byCurrency != 0 ? byCurrency : day.compareTo(other.day);
        }
    }

    private final JdbcTemplate jdbc;
    private final io.settlehub.core.jdbc.BulkInsert bulk;
    private final CauseOccurrences known;

    public BalanceDayRepository(JdbcTemplate jdbc, io.settlehub.core.jdbc.BulkInsert bulk, CauseOccurrences known) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.known = known;
    }

    /** Adds what the transfers, posted at {@code postedAt}, moved in their clients' buckets to that day. */
    void record(List<Transfer> transfers, Instant postedAt) {
        Map<String, LocalDate> causedOn = businessDaysOfCauses(transfers);
        LocalDate posted = BusinessCalendar.dateOf(postedAt);
        Map<Key, BigDecimal[]> growth = new TreeMap<>();
        for (Transfer t : transfers) {
            if (t.clientId() == null) {
                continue;
            }
            LocalDate day = t.cause() == null ? posted : causedOn.getOrDefault(t.cause(), posted);
            grow(growth, t, day, t.credit(), t.amount().amount());
            grow(growth, t, day, t.debit(), t.amount().amount().negate());
        }
        growth.values().removeIf(g -> g[0].signum() == 0 && g[1].signum() == 0);
        if (growth.isEmpty()) {
            return;
        }
        bulk.addingUpsert("balance_day", List.of("client_id", "currency", "business_day"), List.of(), List.of("owed", "paid"), List.of(),
                List.of("varchar(100)", "varchar(3)", "date", "numeric(38, 10)", "numeric(38, 10)"), growth.entrySet(),
                entry -> new Object[] {entry.getKey().clientId(), entry.getKey().currency(), entry.getKey().day(), entry.getValue()[0],
                    entry.getValue()[1]});
    }

    /** The business day of each cause: from the facts known here (a batch's own), the rest read from the recorded facts. */
    private Map<String, LocalDate> businessDaysOfCauses(List<Transfer> transfers) {
        Map<String, LocalDate> days = new java.util.HashMap<>();
        List<String> unknown = new ArrayList<>();
        transfers.stream().map(Transfer::cause).filter(java.util.Objects::nonNull).distinct().forEach(cause -> {
            Instant occurred = known.occurredAt(cause);
            if (occurred == null) {
                unknown.add(cause);
            } else {
                days.put(cause, BusinessCalendar.dateOf(occurred));
            }
        });
        if (!unknown.isEmpty()) {
            jdbc.query("select event_id, occurred_at from event_fact where event_id = any(?)", ps -> TextArray.bind(ps, 1, unknown),
                    rs -> {
                        days.put(rs.getString(1), BusinessCalendar.dateOf(rs.getTimestamp(2).toInstant()));
                    });
        }
        return days;
    }

    private static void grow(Map<Key, BigDecimal[]> growth, Transfer t, LocalDate day, AccountKey account, BigDecimal amount) {
        java.util.Optional<io.settlehub.core.ledger.Bucket> bucket = account.bucketOf(t.clientId());
        if (bucket.isEmpty()) {
            return;
        }
        BigDecimal[] grown = growth.computeIfAbsent(new Key(t.clientId(), account.currency(), day),
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        int part = bucket.get().owed() ? 0 : 1;
        grown[part] = grown[part].add(amount);
    }

    /** The client's days in {@code currency} from {@code from} on, oldest first (days without a movement are absent). */
    public List<Day> since(String clientId, String currency, LocalDate from) {
        return jdbc.query("select business_day, owed, paid from balance_day where client_id = ? and currency = ? and business_day >= ? order by business_day",
                (rs, i) -> new Day(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2), rs.getBigDecimal(3)), clientId, currency,
                Date.valueOf(from));
    }
}
