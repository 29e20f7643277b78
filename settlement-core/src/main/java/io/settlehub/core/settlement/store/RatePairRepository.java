package io.settlehub.core.settlement.store;

import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.jdbc.TextArray;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Per client, the currency pairs its settlement looked a rate up for ({@code client_rate_pair}): replaced by a full
 * derivation, added to by a continuation, in the transaction that records its checkpoint. A client with a checkpoint
 * has its pairs recorded, so a new rate of another pair cannot change its settlement.
 */
@Repository
public class RatePairRepository {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public RatePairRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The client's pairs after a full derivation. */
    void replace(String clientId, Set<String> pairs) {
        jdbc.update("delete from client_rate_pair where client_id = ?", clientId);
        add(Map.of(clientId, pairs));
    }

    /** Pairs the clients' continuations looked up, added to those recorded. */
    void add(Map<String, ? extends Collection<String>> pairsByClient) {
        List<Object[]> rows = new ArrayList<>();
        pairsByClient.forEach((client, pairs) -> pairs.forEach(pair -> rows.add(new Object[] {client, pair})));
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(dialect.postgres()
                ? "insert into client_rate_pair (client_id, pair) values (?, ?) on conflict do nothing"
                : "merge into client_rate_pair key (client_id, pair) values (?, ?)", rows);
    }

    /**
     * The clients with a checkpoint made with {@code referenceVersion} whose settlement looked up none of {@code pairs}:
     * a rate of those pairs leaves them as they are.
     */
    public List<String> settledWithout(Collection<String> pairs, String referenceVersion) {
        return jdbc.query("select c.client_id from settlement_checkpoint c where c.reference_version = ? and not exists"
                + " (select 1 from client_rate_pair p where p.client_id = c.client_id and p.pair = any(?))", ps -> {
                    ps.setString(1, referenceVersion);
                    TextArray.bind(ps, 2, pairs);
                }, (rs, i) -> rs.getString(1));
    }

    /** These clients' checkpoints move to {@code referenceVersion} as they are. */
    public void moveTo(Collection<String> clientIds, String referenceVersion) {
        for (List<String> chunk : TextArray.chunks(clientIds, 1000)) {
            jdbc.update("update settlement_checkpoint set reference_version = ? where client_id = any(?)", ps -> {
                ps.setString(1, referenceVersion);
                TextArray.bind(ps, 2, chunk);
            });
        }
    }

    /** The client's pairs. */
    public List<String> of(String clientId) {
        return jdbc.queryForList("select pair from client_rate_pair where client_id = ? order by pair", String.class, clientId);
    }
}
