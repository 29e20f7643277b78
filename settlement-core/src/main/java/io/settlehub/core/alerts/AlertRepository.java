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
    private final io.settlehub.core.jdbc.SqlDialect dialect;

    public AlertRepository(JdbcTemplate jdbc, io.settlehub.core.jdbc.SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
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

    /**
     * Records those of the alerts not raised before, in one statement on PostgreSQL; answers the ids of those recorded now.
     * Two instances scanning at once record each once: the second insert of an id does nothing and does not answer it.
     */
    public java.util.Set<String> raiseAll(List<Alert> found, Instant at) {
        java.util.Map<String, Alert> byId = new java.util.LinkedHashMap<>();
        found.forEach(alert -> byId.putIfAbsent(alert.alertId(), alert));
        java.util.Set<String> raised = new java.util.HashSet<>();
        if (byId.isEmpty()) {
            return raised;
        }
        if (!dialect.postgres()) {
            byId.values().forEach(alert -> {
                if (raise(alert, at)) {
                    raised.add(alert.alertId());
                }
            });
            return raised;
        }
        List<Alert> alerts = List.copyOf(byId.values());
        jdbc.query("insert into alert (alert_id, kind, client_id, subject, message, raised_at, args) select a.alert_id, a.kind, a.client_id,"
                + " a.subject, a.message, ?, a.args from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " as a(alert_id, kind, client_id, subject, message, args) on conflict do nothing returning alert_id", ps -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    List<java.util.function.Function<Alert, String>> columns = List.of(Alert::alertId, a -> a.kind().name(), Alert::clientId,
                            Alert::subject, Alert::message, a -> a.args().isEmpty() ? null : writeArgs(a.args()));
                    for (int i = 0; i < columns.size(); i++) {
                        ps.setArray(i + 2, ps.getConnection().createArrayOf("text", alerts.stream().map(columns.get(i)).toArray()));
                    }
                }, rs -> {
                    raised.add(rs.getString(1));
                });
        return raised;
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
