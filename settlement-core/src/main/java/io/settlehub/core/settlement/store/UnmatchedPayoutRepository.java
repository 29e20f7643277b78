package io.settlehub.core.settlement.store;

import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.settlement.ClientSettlement.ReceivedPayout;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The marketplace payouts of which a part matches no order the hub expected them to pay, as the latest derivation of each
 * left them (decision 0020): what the alert rule on such payouts reads, written by ingest in the transaction that settles
 * them.
 */
@Repository
public class UnmatchedPayoutRepository {

    /** A payout of a client, with its unmatched part. */
    public record Unmatched(String clientId, ReceivedPayout payout) {
    }

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public UnmatchedPayoutRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Records the payouts the clients' derivations just gave: those with an unmatched part replace their row (marked
     * changed now), the others lose theirs.
     */
    void record(Map<String, List<ReceivedPayout>> payoutsByClient) {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> unmatched = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        payoutsByClient.forEach((clientId, payouts) -> payouts.forEach(p -> {
            keys.add(new Object[] {clientId, p.source(), p.payoutId()});
            if (p.unallocated().signum() != 0) {
                unmatched.add(new Object[] {clientId, p.source(), p.payoutId(), p.amount().currency(), p.amount().amount(),
                    p.unallocated().amount(), now});
            }
        }));
        if (keys.isEmpty()) {
            return;
        }
        if (dialect.postgres()) {
            jdbc.update("delete from unmatched_payout t using unnest(?::text[], ?::text[], ?::text[]) as k(c, s, p)"
                    + " where t.client_id = k.c and t.source = k.s and t.payout_id = k.p", ps -> {
                        for (int column = 0; column < 3; column++) {
                            int c = column;
                            ps.setArray(column + 1, ps.getConnection().createArrayOf("text", keys.stream().map(k -> k[c]).toArray()));
                        }
                    });
        } else {
            jdbc.batchUpdate("delete from unmatched_payout where client_id = ? and source = ? and payout_id = ?", keys);
        }
        if (!unmatched.isEmpty()) {
            jdbc.batchUpdate("insert into unmatched_payout (client_id, source, payout_id, currency, amount, unallocated, changed_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", unmatched);
        }
    }

    void clear(String clientId) {
        jdbc.update("delete from unmatched_payout where client_id = ?", clientId);
    }

    /** The unmatched payouts recorded at or after {@code since}. */
    public List<Unmatched> changedSince(Instant since) {
        return jdbc.query("select client_id, source, payout_id, currency, amount, unallocated from unmatched_payout where changed_at >= ?"
                + " order by client_id, source, payout_id", (rs, i) -> new Unmatched(rs.getString(1), new ReceivedPayout(rs.getString(3),
                rs.getString(2), Money.rounded(rs.getBigDecimal(5), rs.getString(4)), Money.rounded(rs.getBigDecimal(6), rs.getString(4)))),
                Timestamp.from(since));
    }
}
