package io.settlehub.core.settlement.store;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.core.settlement.OrderFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per client and currency, the money the marketplaces hold by the business day they expect to release it: moved by the
 * orders' holds as ingest changes them, so that the cash-expected chart reads one row per day however many orders hold
 * money. A day of {@link #NOT_GIVEN} stands for holds whose release the marketplace did not give.
 */
@Repository
public class HeldByReleaseRepository {

    /** The day stored for holds without an expected release. */
    public static final LocalDate NOT_GIVEN = LocalDate.of(9999, 12, 31);

    private record Key(String clientId, String currency, LocalDate day) {
    }

    /** What an order held (the marketplace's hold) and when it was expected back. */
    public record Hold(String currency, BigDecimal amount, Instant expectedRelease) {

        static Hold of(OrderFigures figures) {
            return new Hold(figures.currency(), figures.outstandingHold().amount(), figures.expectedRelease());
        }
    }

    /** The holds of a batch's orders, before and after: what moves the days. */
    public static final class Changes {
        private final Map<Key, BigDecimal> byDay = new java.util.HashMap<>();

        public void before(String clientId, Hold hold) {
            add(clientId, hold, -1);
        }

        public void after(String clientId, OrderFigures figures) {
            add(clientId, Hold.of(figures), 1);
        }

        private void add(String clientId, Hold hold, int sign) {
            if (hold == null || hold.amount() == null || hold.amount().signum() <= 0) {
                return;
            }
            LocalDate day = hold.expectedRelease() == null ? NOT_GIVEN : BusinessCalendar.dateOf(hold.expectedRelease());
            byDay.merge(new Key(clientId, hold.currency(), day), sign < 0 ? hold.amount().negate() : hold.amount(), BigDecimal::add);
        }
    }

    private final JdbcTemplate jdbc;
    private final io.settlehub.core.jdbc.BulkInsert bulk;

    public HeldByReleaseRepository(JdbcTemplate jdbc, io.settlehub.core.jdbc.BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    void apply(Changes changes) {
        Map<List<Object>, BigDecimal> moved = new java.util.HashMap<>();
        changes.byDay.forEach((key, amount) -> moved.put(List.of(key.clientId(), key.currency(), key.day()), amount));
        RunningTotals.add(jdbc, bulk, "held_by_release", List.of("client_id", "currency", "release_day"),
                List.of("varchar(100)", "varchar(3)", "date", "numeric(38, 10)"), moved);
    }

    void clear(String clientId) {
        jdbc.update("delete from held_by_release where client_id = ?", clientId);
    }

    /** Held money of the client in {@code currency} by expected release day, earliest first ({@link #NOT_GIVEN} last). */
    public Map<LocalDate, BigDecimal> of(String clientId, String currency) {
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        jdbc.query("select release_day, amount from held_by_release where client_id = ? and currency = ? and amount <> 0",
                rs -> {
                    days.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
                }, clientId, currency);
        return days;
    }
}
