package io.settlehub.core.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Dashboard users with their password hash, role and login failures. */
@Repository
public class UserRepository {

    private final JdbcTemplate jdbc;

    public UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredUser(String username, String passwordHash, String role, String clientId, int failedLogins,
                             Instant lockedUntil) {
    }

    public Optional<StoredUser> find(String username) {
        return jdbc.query("select username, password_hash, role, client_id, failed_logins, locked_until from app_user where username = ?",
                (rs, i) -> new StoredUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()), username).stream().findFirst();
    }

    /** Creates the user, or sets its password, role and client when it exists. */
    public void save(String username, String passwordHash, String role, String clientId, Instant at) {
        if (jdbc.update("update app_user set password_hash = ?, role = ?, client_id = ?, failed_logins = 0, locked_until = null"
                + " where username = ?", passwordHash, role, clientId, username) == 0) {
            jdbc.update("insert into app_user (username, password_hash, role, client_id, created_at) values (?, ?, ?, ?, ?)",
                    username, passwordHash, role, clientId, Timestamp.from(at));
        }
    }

    public List<StoredUser> all() {
        return jdbc.query("select username, '', role, client_id, failed_logins, locked_until from app_user order by username",
                (rs, i) -> new StoredUser(rs.getString(1), null, rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
    }

    /** One more failed login; at {@code limit} consecutive failures the login is locked until {@code lockUntil}. */
    public void loginFailed(String username, int limit, Instant lockUntil) {
        jdbc.update("update app_user set failed_logins = failed_logins + 1 where username = ?", username);
        jdbc.update("update app_user set locked_until = ?, failed_logins = 0 where username = ? and failed_logins >= ?",
                Timestamp.from(lockUntil), username, limit);
    }

    public void loginSucceeded(String username) {
        jdbc.update("update app_user set failed_logins = 0, locked_until = null where username = ?", username);
    }
}
