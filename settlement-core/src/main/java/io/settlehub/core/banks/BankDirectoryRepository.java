package io.settlehub.core.banks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The BIK directory in force; a newer directory replaces it in one transaction, an older one is refused. */
@Repository
public class BankDirectoryRepository {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BankDirectoryRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a load did. {@code replaced}: false when the directory of that business day was in force already. */
    public record Loaded(LocalDate businessDay, int entries, long closed, boolean replaced) {
    }

    @Transactional
    public Loaded replace(BankDirectory directory) {
        Optional<LocalDate> current = businessDay();
        if (current.isPresent() && directory.businessDay().isBefore(current.get())) {
            throw new Ed807Reader.InvalidDirectoryException("the directory of " + directory.businessDay()
                    + " is older than the one in force (" + current.get() + ")");
        }
        if (current.isPresent() && directory.businessDay().equals(current.get())) {
            return new Loaded(directory.businessDay(), directory.entries().size(), directory.closedCount(), false);
        }
        jdbc.update("delete from bank_directory");
        jdbc.batchUpdate("insert into bank_directory (bik, name, correspondent_account, closed_on, closed_because) values (?, ?, ?, ?, ?)",
                List.copyOf(directory.entries().values()), 500, (ps, e) -> {
                    ps.setString(1, e.bik());
                    ps.setString(2, e.name());
                    ps.setString(3, e.correspondentAccount());
                    ps.setObject(4, e.closedOn() == null ? null : java.sql.Date.valueOf(e.closedOn()));
                    ps.setString(5, e.closedBecause() == null ? null : truncate(e.closedBecause(), 200));
                });
        jdbc.update("insert into bank_directory_load (business_day, entries, closed, loaded_at) values (?, ?, ?, ?)",
                java.sql.Date.valueOf(directory.businessDay()), directory.entries().size(), directory.closedCount(),
                Timestamp.from(clock.instant()));
        return new Loaded(directory.businessDay(), directory.entries().size(), directory.closedCount(), true);
    }

    /** The business day of the directory in force, if one was ever loaded. */
    public Optional<LocalDate> businessDay() {
        return jdbc.query("select max(business_day) from bank_directory_load", rs -> {
            rs.next();
            java.sql.Date day = rs.getDate(1);
            return Optional.ofNullable(day).map(java.sql.Date::toLocalDate);
        });
    }

    public Optional<BankDirectory.Entry> find(String bik) {
        return jdbc.query("select bik, name, correspondent_account, closed_on, closed_because from bank_directory where bik = ?",
                (rs, i) -> new BankDirectory.Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5)), bik).stream().findFirst();
    }

    /**
     * Refuses a BIK the directory in force does not list, or lists as closed, naming {@code field}; and any BIK while no
     * directory was ever loaded, since nothing could then be checked.
     */
    public BankDirectory.Entry requireOpen(String bik, String field) {
        LocalDate day = businessDay().orElseThrow(() -> new io.settlehub.contract.InvalidMessageException(field,
                "BIK " + bik + " cannot be checked: no central bank BIK directory (ED807) is loaded (PUT /api/reference/bank-directory)"));
        BankDirectory.Entry entry = find(bik).orElseThrow(() -> new io.settlehub.contract.InvalidMessageException(field,
                "BIK " + bik + " is not in the central bank's BIK directory of " + day));
        if (!entry.open()) {
            throw new io.settlehub.contract.InvalidMessageException(field, "BIK " + bik + " (" + entry.name() + ") is closed in the central bank's "
                    + "BIK directory of " + day + ": " + entry.closedBecause());
        }
        return entry;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
