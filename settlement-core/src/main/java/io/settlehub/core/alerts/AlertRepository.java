package io.settlehub.core.alerts;

import io.settlehub.core.alerts.Alert;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Alerts raised, each once. */
@Repository
public class AlertRepository {

    private final JdbcTemplate jdbc;

    public AlertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Raised(String alertId, String kind, String clientId, String subject, String message, Instant raisedAt) {
    }

    /**
     * Records the alert unless it was raised before; answers whether it is new. Two instances scanning at once insert it
     * once: the second insert does nothing.
     */
    public boolean raise(Alert alert, Instant at) {
        return jdbc.update("insert into alert (alert_id, kind, client_id, subject, message, raised_at) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing", alert.alertId(), alert.kind().name(), alert.clientId(), alert.subject(), alert.message(),
                Timestamp.from(at)) == 1;
    }

    public List<Raised> latest(int limit) {
        return jdbc.query("select alert_id, kind, client_id, subject, message, raised_at from alert order by raised_at desc, alert_id limit ?",
                this::row, limit);
    }

    public List<Raised> ofClient(String clientId, int limit) {
        return jdbc.query("select alert_id, kind, client_id, subject, message, raised_at from alert where client_id = ?"
                + " order by raised_at desc, alert_id limit ?", this::row, clientId, limit);
    }

    private Raised row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Raised(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }
}
