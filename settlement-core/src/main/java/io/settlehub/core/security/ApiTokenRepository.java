package io.settlehub.core.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** API tokens by the hash of their secret; the token itself is never stored. */
@Repository
public class ApiTokenRepository {

    private static final String COLUMNS = "token_id, label, role, client_id, created_by, created_at, expires_at, revoked_at";

    private final JdbcTemplate jdbc;

    public ApiTokenRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredToken(String tokenId, String label, String role, String clientId, String createdBy, Instant createdAt,
                              Instant expiresAt, Instant revokedAt) {
    }

    public void create(String tokenId, String tokenHash, String label, String role, String clientId, String createdBy, Instant at,
                       Instant expiresAt) {
        jdbc.update("insert into api_token (token_id, token_hash, label, role, client_id, created_by, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", tokenId, tokenHash, label, role, clientId, createdBy, Timestamp.from(at),
                Timestamp.from(expiresAt));
    }

    public Optional<StoredToken> byHash(String tokenHash) {
        return jdbc.query("select " + COLUMNS + " from api_token where token_hash = ?", this::row, tokenHash).stream().findFirst();
    }

    public List<StoredToken> all() {
        return jdbc.query("select " + COLUMNS + " from api_token order by created_at", this::row);
    }

    /** Revokes the token; answers false when there is no such token. */
    public boolean revoke(String tokenId, Instant at) {
        return jdbc.update("update api_token set revoked_at = coalesce(revoked_at, ?) where token_id = ?", Timestamp.from(at), tokenId) > 0;
    }

    private StoredToken row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new StoredToken(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
    }
}
