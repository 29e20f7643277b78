package io.settlehub.core.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How far each incremental scan has looked, kept across restarts. */
@Repository
public class ScanMarks {

    private final JdbcTemplate jdbc;

    public ScanMarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> get(String name) {
        return jdbc.queryForList("select scanned_to from scan_mark where name = ?", Timestamp.class, name).stream()
                .findFirst().map(Timestamp::toInstant);
    }

    /** Two instances may scan at once: whichever records its mark first inserts the row, the other moves it. */
    public void put(String name, Instant scannedTo) {
        String update = "update scan_mark set scanned_to = ? where name = ?";
        if (jdbc.update(update, Timestamp.from(scannedTo), name) == 0
                && jdbc.update("insert into scan_mark (name, scanned_to) values (?, ?) on conflict do nothing", name, Timestamp.from(scannedTo)) == 0) {
            jdbc.update(update, Timestamp.from(scannedTo), name);
        }
    }
}
