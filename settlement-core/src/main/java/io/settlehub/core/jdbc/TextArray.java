package io.settlehub.core.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGStatement;

/**
 * Binds a list of keys as one array parameter, for {@code column = any(?)} or {@code unnest(?)}, and has the statement
 * planned with those keys. A list of {@code ?} marks, or an array in a statement the driver has prepared on the server
 * (it does after five runs), may get PostgreSQL's generic plan: chosen without the keys, sometimes while the table was
 * still small, it can test every row of a sequential scan against every key, a cost that grew with the table (measured:
 * reading 2,000 clients' checkpoints went from 5 ms to 300 ms). Planning with the keys costs a fraction of a millisecond,
 * paid only by these reads; every other statement keeps the driver's server-side preparation.
 */
public final class TextArray {

    /** Keys per array that statements updating many clients' rows bind at most. */
    public static final int CHUNK = 5_000;

    private TextArray() {
    }

    public static void bind(PreparedStatement ps, int index, Collection<String> values) throws SQLException {
        planWithParameters(ps);
        ps.setArray(index, ps.getConnection().createArrayOf("varchar", values.toArray()));
    }

    /** The keys in chunks of at most {@code size}: one array each, well under what a statement should carry. */
    public static java.util.List<java.util.List<String>> chunks(Collection<String> values, int size) {
        java.util.List<String> all = java.util.List.copyOf(values);
        java.util.List<java.util.List<String>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** Never prepared on the server, so never given a generic plan. */
    public static void planWithParameters(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
