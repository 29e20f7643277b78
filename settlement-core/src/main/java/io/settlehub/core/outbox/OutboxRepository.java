package io.settlehub.core.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The transactional outbox: messages written with the ledger change that caused them. */
@Repository
public class OutboxRepository {

    private final JdbcTemplate jdbc;

    public OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(OutboxMessage message) {
        addAll(List.of(message));
    }

    /** Several messages in one batch. */
    public void addAll(List<OutboxMessage> messages) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("insert into outbox (destination, message_id, group_id, message_type, body, created_at) values (?, ?, ?, ?, ?, ?)",
                messages, 1000, (ps, m) -> {
                    ps.setString(1, m.destination());
                    ps.setString(2, m.messageId());
                    ps.setString(3, m.groupId());
                    ps.setString(4, m.messageType());
                    ps.setString(5, m.body());
                    ps.setTimestamp(6, now);
                });
    }

    public List<OutboxMessage> unpublished(int limit) {
        return jdbc.query("select id, destination, message_id, group_id, message_type, body from outbox"
                        + " where published_at is null order by id limit ?",
                (rs, i) -> new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), limit);
    }

    public void markPublished(List<Long> ids) {
        jdbc.update("update outbox set published_at = ? where id = any(?)", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids.toArray()));
        });
    }

    /** Deletes up to {@code limit} of the messages published before {@code cutoff}; answers how many. */
    public int deletePublishedBefore(Instant cutoff, int limit) {
        return jdbc.update("delete from outbox where id in (select id from outbox where published_at < ? order by published_at limit ?)",
                Timestamp.from(cutoff), limit);
    }

    public long unpublishedCount() {
        return jdbc.queryForObject("select count(*) from outbox where published_at is null", Long.class);
    }

    public record OutboxMessage(Long id, String destination, String messageId, String groupId, String messageType, String body) {

        public static OutboxMessage of(String destination, String messageId, String groupId, String messageType, String body) {
            return new OutboxMessage(null, destination, messageId, groupId, messageType, body);
        }
    }
}
