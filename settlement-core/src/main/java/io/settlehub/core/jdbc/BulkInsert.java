package io.settlehub.core.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends many rows to a table in the caller's transaction: on PostgreSQL as one {@code COPY … FROM STDIN} stream (no
 * statement, parameter list or plan per row — the ledger's journal grows by about six rows per event, and binding them
 * as batched inserts was a large part of the consumer thread's CPU); on H2, the demo's database, as a JDBC batch.
 * Values: {@code String}, {@code BigDecimal}, {@code Instant}, {@code LocalDate}, {@code Integer}/{@code Long}, {@code Boolean} or
 * null.
 */
@Component
public class BulkInsert {

    /**
     * Characters of COPY text sent at a time, all rows in one COPY: a re-derivation may post millions of transfers, whose
     * text is never held whole, and a batch's few megabytes are not built as one string (each copy of it was a "humongous"
     * object the collector handles apart, and the buffers a large part of what ingest allocated).
     */
    static final int CHUNK_CHARS = 64 * 1024;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public BulkInsert(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public <T> void insert(String table, List<String> columns, Collection<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect.postgres()) {
            copy(table, columns, rows, values);
        } else {
            List<Object[]> bound = new ArrayList<>(rows.size());
            rows.forEach(row -> bound.add(jdbcValues(values.apply(row))));
            jdbc.batchUpdate("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")", bound);
        }
    }

    /**
     * {@link SqlDialect#addingUpsert} for many rows: each row's values are its {@code keys}, {@code inserted}, {@code added}
     * and {@code latest} columns, in that order ({@code types}: their SQL types, which H2 needs). Staged on PostgreSQL
     * ({@link #upsert}); a JDBC batch on H2.
     */
    public <T> void addingUpsert(String table, List<String> keys, List<String> inserted, List<String> added, List<String> latest,
                                 List<String> types, Collection<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect.postgres()) {
            List<String> columns = new ArrayList<>(keys);
            columns.addAll(inserted);
            columns.addAll(added);
            columns.addAll(latest);
            upsert(table, keys, columns, SqlDialect.addingUpdates(table, added, latest), rows, values);
        } else {
            List<Object[]> bound = new ArrayList<>(rows.size());
            rows.forEach(row -> bound.add(jdbcValues(values.apply(row))));
            jdbc.batchUpdate(dialect.addingUpsert(table, keys, inserted, added, latest, types), bound);
        }
    }

    /**
     * Inserts rows or, where a row of the same {@code keys} exists, updates it by {@code updates} (the assignments of an
     * {@code on conflict … do update set}, the new row being {@code excluded}), in key order, so that two transactions
     * never wait on each other's rows in a cycle. PostgreSQL only: the rows go by COPY into a table of this session's
     * own, which one statement empties into {@code table} — a batch's orders bound as parameters of multi-row inserts
     * (twenty-one per order) cost the consumer more than computing them.
     */
    public <T> void upsert(String table, List<String> keys, List<String> columns, String updates, Collection<T> rows,
                           Function<T, Object[]> values) {
        if (!dialect.postgres()) {
            throw new UnsupportedOperationException("a staged upsert needs PostgreSQL");
        }
        if (rows.isEmpty()) {
            return;
        }
        String names = String.join(", ", columns);
        String staged = table + "_staged";
        String keyList = String.join(", ", keys);
        // the three statements on one connection and in one transaction (its own when the caller has none): the staging
        // table is the session's, and emptied at every commit
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try (java.sql.Statement statement = connection.createStatement()) {
                // created with no constraint, whatever the columns of the table
                statement.execute("create temporary table if not exists " + staged + " on commit delete rows as select " + names
                        + " from " + table + " with no data");
                copy(connection, staged, columns, rows, values);
                statement.executeUpdate("with staged_rows as (delete from " + staged + " returning " + names + ") insert into " + table
                        + " (" + names + ") select " + names + " from staged_rows order by " + keyList + " on conflict (" + keyList
                        + ") do update set " + updates);
                if (ownTransaction) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    connection.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    private <T> void copy(String table, List<String> columns, Collection<T> rows, Function<T, Object[]> values) {
        jdbc.execute((ConnectionCallback<Long>) connection -> copy(connection, table, columns, rows, values));
    }

    private static <T> long copy(java.sql.Connection connection, String table, List<String> columns, Collection<T> rows,
                                 Function<T, Object[]> values) throws SQLException {
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder text = new StringBuilder(CHUNK_CHARS + CHUNK_CHARS / 4);
            InstantTexts instants = new InstantTexts();
            for (T row : rows) {
                appendRow(text, table, columns.size(), values.apply(row), instants);
                if (text.length() >= CHUNK_CHARS) {
                    write(copy, text);
                }
            }
            write(copy, text);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void appendRow(StringBuilder text, String table, int columns, Object[] fields, InstantTexts instants) {
        if (fields.length != columns) {
            throw new IllegalArgumentException(table + ": " + fields.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            appendCopyText(text, fields[i], instants);
        }
        text.append('\n');
    }

    private static void write(CopyIn copy, StringBuilder text) throws SQLException {
        if (text.length() > 0) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    /** One value in COPY's text format: {@code \N} for null, the four characters that delimit fields and rows escaped. */
    static void appendCopyText(StringBuilder text, Object value, InstantTexts instants) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Instant instant) {
            text.append(instants.text(instant));
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof java.time.LocalDate) {
            text.append(value);
        } else if (value instanceof String string) {
            int first = firstToEscape(string);
            if (first < 0) {
                text.append(string);
                return;
            }
            text.append(string, 0, first);
            for (int i = first; i < string.length(); i++) {
                char c = string.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        } else {
            throw new IllegalArgumentException("no COPY text for a " + value.getClass().getSimpleName());
        }
    }

    /**
     * The last instant written and its text: the rows of one COPY mostly share one (the moment a batch's transfers were
     * posted), and formatting an instant costs more than the rest of a journal row.
     */
    static final class InstantTexts {
        private Instant last;
        private String text;

        String text(Instant instant) {
            if (!instant.equals(last)) {
                last = instant;
                text = instant.toString();
            }
            return text;
        }
    }

    private static int firstToEscape(String string) {
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static Object[] jdbcValues(Object[] values) {
        Object[] bound = values.clone();
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] instanceof Instant instant) {
                bound[i] = Timestamp.from(instant);
            } else if (bound[i] instanceof java.time.LocalDate day) {
                bound[i] = java.sql.Date.valueOf(day);
            }
        }
        return bound;
    }
}
