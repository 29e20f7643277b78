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

    /** {@code args}: the figures its message names, for a text in the reader's language (none for older alerts). */
    public record Raised(String alertId, String kind, String clientId, String subject, String message, Instant raisedAt, List<String> args) {

        public Object[] argsArray() {
            return args.toArray();
        }
    }

    /**
     * Records the alert unless it was raised before; answers whether it is new. Two instances scanning at once insert it
     * once: the second insert does nothing.
     */
    public boolean raise(Alert alert, Instant at) {
        return jdbc.update("insert into alert (alert_id, kind, client_id, subject, message, raised_at, args) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing", alert.alertId(), alert.kind().name(), alert.clientId(), alert.subject(), alert.message(),
                Timestamp.from(at), alert.args().isEmpty() ? null : writeArgs(alert.args())) == 1;
    }

    public List<Raised> latest(int limit) {
        return jdbc.query("select alert_id, kind, client_id, subject, message, raised_at, args from alert order by raised_at desc, alert_id limit ?",
                this::row, limit);
    }

    public List<Raised> ofClient(String clientId, int limit) {
        return jdbc.query("select alert_id, kind, client_id, subject, message, raised_at, args from alert where client_id = ?"
                + " order by raised_at desc, alert_id limit ?", this::row, clientId, limit);
    }

    private Raised row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Raised(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), readArgs(rs.getString(7)));
    }

    private static String writeArgs(List<String> args) {
        try {
            return ARGS.writeValueAsString(args);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readArgs(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(ARGS.readValue(json, String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an alert's args are not a JSON array of strings", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper ARGS = new com.fasterxml.jackson.databind.ObjectMapper();
}
