package io.settlehub.core.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Binds a list of keys as one array parameter, for {@code column = any(?)}. A list of {@code ?} marks makes PostgreSQL's
 * generic plan (chosen after five runs of a prepared statement) test every row of a scan against every mark, which
 * grew with the table; one array keeps one plan, an index probe per key.
 */
public final class TextArray {

    private TextArray() {
    }

    public static void bind(PreparedStatement ps, int index, Collection<String> values) throws SQLException {
        ps.setArray(index, ps.getConnection().createArrayOf("varchar", values.toArray()));
    }
}
