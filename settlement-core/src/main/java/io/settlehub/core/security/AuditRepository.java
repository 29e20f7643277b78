package io.settlehub.core.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit log: appended, never changed. */
@Repository
public class AuditRepository {

    private final JdbcTemplate jdbc;

    public AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(Instant at, String actor, String action, String target, String detail) {
    }

    public void add(Entry entry) {
        jdbc.update("insert into audit_log (at, actor, action, target, detail) values (?, ?, ?, ?, ?)", Timestamp.from(entry.at()),
                entry.actor(), entry.action(), entry.target(), entry.detail());
    }

    public List<Entry> latest(int limit) {
        return jdbc.query("select at, actor, action, target, detail from audit_log order by id desc limit ?",
                (rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), limit);
    }
}
