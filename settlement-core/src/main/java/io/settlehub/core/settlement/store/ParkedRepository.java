package io.settlehub.core.settlement.store;

import io.settlehub.contract.EventType;
import io.settlehub.core.jdbc.TextArray;
import io.settlehub.core.settlement.Parked;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Events that wait for something (re-derived with each settlement) and conflicts kept for an operator. */
@Repository
public class ParkedRepository {

    public static final String WAITING = "WAITING";
    public static final String CONFLICT = "CONFLICT";

    private final JdbcTemplate jdbc;

    public ParkedRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces what each client (null: reference data) waits for with what its latest settlement reports. */
    public void replaceWaiting(java.util.Map<String, List<Parked>> waitingByClient) {
        List<String> clients = new java.util.ArrayList<>(waitingByClient.keySet());
        if (clients.contains(null)) {
            jdbc.update("delete from parked_event where client_id is null and kind = ?", WAITING);
        }
        jdbc.batchUpdate("delete from parked_event where client_id = ? and kind = ?",
                clients.stream().filter(java.util.Objects::nonNull).toList(), 1000, (ps, client) -> {
                    ps.setString(1, client);
                    ps.setString(2, WAITING);
                });
        insertWaiting(waitingByClient.values().stream().flatMap(List::stream).toList());
    }

    /** Per client, the ids of its events that wait for something. */
    public java.util.Map<String, java.util.Set<String>> waitingIds(java.util.Collection<String> clientIds) {
        java.util.Map<String, java.util.Set<String>> found = new java.util.HashMap<>();
        for (List<String> chunk : TextArray.chunks(clientIds, 1000)) {
            jdbc.query("select client_id, event_id from parked_event where client_id = any(?) and kind = ?", ps -> {
                TextArray.bind(ps, 1, chunk);
                ps.setString(2, WAITING);
            }, rs -> {
                found.computeIfAbsent(rs.getString(1), c -> new java.util.HashSet<>()).add(rs.getString(2));
            });
        }
        return found;
    }

    private void insertWaiting(List<Parked> rows) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("insert into parked_event (event_id, client_id, type, kind, reason, parked_at) values (?, ?, ?, ?, ?, ?)",
                rows, 1000, (ps, p) -> {
                    ps.setString(1, p.eventId());
                    ps.setString(2, p.clientId());
                    ps.setString(3, p.type().name());
                    ps.setString(4, WAITING);
                    ps.setString(5, p.reason());
                    ps.setTimestamp(6, now);
                });
    }

    /**
     * Replaces what these events wait for (those an incremental derivation examined, by client) with what it found;
     * other parked events of the same clients stay as they are.
     */
    public void replaceWaitingOf(java.util.Map<String, ? extends java.util.Collection<String>> examinedByClient, List<Parked> waiting) {
        List<String> ids = examinedByClient.values().stream().flatMap(java.util.Collection::stream).toList();
        if (!ids.isEmpty()) {
            jdbc.update("delete from parked_event where event_id = any(?) and kind = ?", ps -> {
                TextArray.bind(ps, 1, ids);
                ps.setString(2, WAITING);
            });
        }
        insertWaiting(waiting);
    }

    public void addConflict(Parked parked, String body) {
        jdbc.update("insert into parked_event (event_id, client_id, type, kind, reason, body, parked_at) values (?, ?, ?, ?, ?, ?, ?)",
                parked.eventId(), parked.clientId(), parked.type().name(), CONFLICT, parked.reason(), body,
                Timestamp.from(Instant.now()));
    }

    /** Removes the conflicts kept about something now resolved (e.g. an FX difference whose rate arrived). */
    public void resolveConflictsMentioning(String reference) {
        jdbc.update("delete from parked_event where kind = ? and reason like ?", CONFLICT, "%" + reference + "%");
    }

    public List<ParkedView> all() {
        return jdbc.query("select event_id, client_id, type, kind, reason, parked_at from parked_event order by id",
                (rs, i) -> new ParkedView(rs.getString(1), rs.getString(2), EventType.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    public record ParkedView(String eventId, String clientId, EventType type, String kind, String reason, Instant parkedAt) {
    }
}
