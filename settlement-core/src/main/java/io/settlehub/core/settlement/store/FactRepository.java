package io.settlehub.core.settlement.store;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.core.jdbc.BulkInsert;
import io.settlehub.core.jdbc.TextArray;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The canonical events applied so far, one row per eventId. */
@Repository
public class FactRepository {

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;

    public FactRepository(JdbcTemplate jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /** eventId → body hash of those of the given ids already recorded. */
    public Map<String, String> existingHashes(Collection<String> eventIds) {
        Map<String, String> hashes = new HashMap<>();
        if (eventIds.isEmpty()) {
            return hashes;
        }
        jdbc.query("select event_id, body_hash from event_fact where event_id = any(?)", ps -> TextArray.bind(ps, 1, eventIds),
                rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    public void insert(List<RecordedFact> facts) {
        Instant now = Instant.now();
        bulk.insert("event_fact", List.of("event_id", "client_id", "type", "source", "occurred_at", "body", "body_hash", "received_at"),
                facts, fact -> new Object[] {fact.event().eventId(), fact.event().clientId(), fact.event().type().name(),
                    fact.event().source(), fact.event().occurredAt(), fact.body(), fact.hash(), now});
        tally(facts, now);
    }

    /**
     * Counts the facts per client and source, with the latest arrival and occurrence ({@code source_seen}), so that what
     * the operator and the feed-silence rule read does not grow with history. Per client, not per source alone: a client's
     * events are applied by one consumer at a time, so concurrent batches never wait on each other's rows.
     */
    private void tally(List<RecordedFact> facts, Instant receivedAt) {
        Map<SourceOfClient, Tally> tallies = new HashMap<>();
        for (RecordedFact fact : facts) {
            CanonicalEvent event = fact.event();
            tallies.computeIfAbsent(new SourceOfClient(event.clientId() == null ? "" : event.clientId(), event.source()), k -> new Tally())
                    .count(event.occurredAt());
        }
        // in key order, so that two transactions never wait on each other's rows in a cycle
        List<Map.Entry<SourceOfClient, Tally>> rows = new ArrayList<>(tallies.entrySet());
        rows.sort(Map.Entry.comparingByKey());
        bulk.addingUpsert("source_seen", List.of("client_id", "source"), List.of(), List.of("events"), List.of("last_received_at", "last_occurred_at"),
                List.of("varchar(100)", "varchar(100)", "bigint", "timestamp with time zone", "timestamp with time zone"), rows,
                row -> new Object[] {row.getKey().clientId(), row.getKey().source(), row.getValue().events, receivedAt, row.getValue().lastOccurred});
    }

    private record SourceOfClient(String clientId, String source) implements Comparable<SourceOfClient> {
        @Override
        public int compareTo(SourceOfClient other) {
            int byClient = clientId.compareTo(other.clientId);
            return byClient != 0 ? byClient : source.compareTo(other.source);
        }
    }

    private static final class Tally {
        private long events;
        private Instant lastOccurred = Instant.MIN;

        void count(Instant occurredAt) {
            events++;
            lastOccurred = occurredAt.isAfter(lastOccurred) ? occurredAt : lastOccurred;
        }
    }

    public List<CanonicalEvent> factsOf(String clientId) {
        return jdbc.query("select body from event_fact where client_id = ? and type <> 'FX_RATE'",
                (rs, i) -> EventCodec.decode(rs.getString(1)), clientId);
    }

    /** The facts of these ids that are recorded, by id. */
    public Map<String, CanonicalEvent> byIds(Collection<String> eventIds) {
        Map<String, CanonicalEvent> found = new java.util.HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.query("select event_id, body from event_fact where event_id = any(?)",
                    ps -> io.settlehub.core.jdbc.TextArray.bind(ps, 1, eventIds), rs -> {
                        found.put(rs.getString(1), EventCodec.decode(rs.getString(2)));
                    });
        }
        return found;
    }

    /** The client's facts of one type that occurred in [from, to). */
    public List<CanonicalEvent> factsOfType(String clientId, String type, Instant from, Instant to) {
        return jdbc.query("select body from event_fact where client_id = ? and type = ? and occurred_at >= ? and occurred_at < ?",
                (rs, i) -> EventCodec.decode(rs.getString(1)), clientId, type, Timestamp.from(from), Timestamp.from(to));
    }

    /** Per client, its facts of these types (a few hundred clients per round trip). */
    public Map<String, List<CanonicalEvent>> factsOfTypes(Collection<String> clientIds, Collection<String> types) {
        Map<String, List<CanonicalEvent>> found = new HashMap<>();
        for (List<String> chunk : TextArray.chunks(clientIds, 500)) {
            jdbc.query("select client_id, body from event_fact where client_id = any(?) and type = any(?)", ps -> {
                TextArray.bind(ps, 1, chunk);
                TextArray.bind(ps, 2, types);
            }, rs -> {
                found.computeIfAbsent(rs.getString(1), c -> new java.util.ArrayList<>()).add(EventCodec.decode(rs.getString(2)));
            });
        }
        return found;
    }

    /** When each of the client's facts of one type that occurred in [from, to) occurred, by event id. */
    public Map<String, Instant> occurredAt(String clientId, String type, Instant from, Instant to) {
        Map<String, Instant> at = new HashMap<>();
        jdbc.query("select event_id, occurred_at from event_fact where client_id = ? and type = ? and occurred_at >= ? and occurred_at < ?",
                rs -> { at.put(rs.getString(1), rs.getTimestamp(2).toInstant()); }, clientId, type, Timestamp.from(from), Timestamp.from(to));
        return at;
    }

    /** Per source (connector): how many events, when the last arrived and the latest time an event occurred. */
    public record SourceSeen(String source, long events, Instant lastReceivedAt, Instant lastOccurredAt) {
    }

    public List<SourceSeen> sources() {
        return jdbc.query("select source, sum(events), max(last_received_at), max(last_occurred_at) from source_seen group by source order by source",
                (rs, i) -> new SourceSeen(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
    }

    public List<CanonicalEvent> fxRates() {
        return jdbc.query("select body from event_fact where type = 'FX_RATE'", (rs, i) -> EventCodec.decode(rs.getString(1)));
    }

    /** A recorded fact: the decoded event, its canonical body and that body's hash. */
    public record RecordedFact(CanonicalEvent event, String body, String hash) {
    }
}
