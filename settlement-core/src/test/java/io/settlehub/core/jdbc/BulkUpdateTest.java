package io.settlehub.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class BulkUpdateTest {

    private static final List<BulkUpdate.Column> KEYS = List.of(new BulkUpdate.Column("owner", "varchar"),
            new BulkUpdate.Column("k", "integer"));
    private static final List<BulkUpdate.Column> COLUMNS = List.of(new BulkUpdate.Column("s", "varchar"),
            new BulkUpdate.Column("n", "numeric(38, 10)"), new BulkUpdate.Column("at", "timestamp with time zone"),
            new BulkUpdate.Column("i", "integer"), new BulkUpdate.Column("b", "boolean"));

    @Test
    void postgresql_updates_many_rows_in_one_statement_by_a_join() {
        assertThat(BulkUpdate.unnestUpdate("t", KEYS.subList(0, 1), COLUMNS.subList(3, 4))).isEqualTo(
                "update t t set i = cast(u.v1 as integer) from unnest(?::varchar[], ?::varchar[]) as u(v0, v1)"
                        + " where t.owner = cast(u.v0 as varchar)");
    }

    @Test
    @Tag("integration")
    void rows_updated_in_postgresql_read_back_as_written_and_the_others_stay() {
        assertUpdates(new JdbcTemplate(new DriverManagerDataSource(TestDatabase.createFresh("bulk"), TestDatabase.user(),
                TestDatabase.password())), "text");
    }

    @Test
    void rows_updated_in_h2_read_back_as_written_and_the_others_stay() {
        assertUpdates(new JdbcTemplate(new SingleConnectionDataSource("jdbc:h2:mem:bulkupdate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                true)), "varchar(100)");
    }

    @Test
    @Tag("integration")
    void more_rows_than_one_statement_carries_are_all_updated() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.createFresh("bulk"), TestDatabase.user(),
                TestDatabase.password()));
        jdbc.execute("create table t (owner varchar(20), k integer, i integer, primary key (owner, k))");
        int rows = 2 * BulkUpdate.ROWS_PER_STATEMENT + 3;
        jdbc.batchUpdate("insert into t (owner, k, i) values ('o', ?, 0)", java.util.stream.IntStream.range(0, rows)
                .mapToObj(k -> new Object[] {k}).toList());
        new BulkUpdate(jdbc, new SqlDialect(jdbc)).update("t", KEYS, List.of(new BulkUpdate.Column("i", "integer")),
                java.util.stream.IntStream.range(0, rows).boxed().toList(), k -> new Object[] {"o", k, k * 2});
        assertThat(jdbc.queryForObject("select count(*) from t where i = 2 * k", Integer.class)).isEqualTo(rows);
    }

    private static void assertUpdates(JdbcTemplate jdbc, String textType) {
        jdbc.execute("create table t (owner varchar(20), k integer, s " + textType + ", n numeric(38, 10), at timestamp with time zone,"
                + " i integer, b boolean, primary key (owner, k))");
        List<Object[]> keys = new ArrayList<>();
        for (int r = 0; r <= BulkInsertTest.AWKWARD.size(); r++) {
            keys.add(new Object[] {"acme", r});
        }
        keys.add(new Object[] {"other", 0});
        jdbc.batchUpdate("insert into t (owner, k, s, i) values (?, ?, 'before', -1)", keys);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < BulkInsertTest.AWKWARD.size(); r++) {
            List<Object> row = new ArrayList<>(List.of("acme", r));
            row.addAll(Arrays.asList(BulkInsertTest.AWKWARD.get(r)));
            rows.add(row.toArray());
        }
        new BulkUpdate(jdbc, new SqlDialect(jdbc)).update("t", KEYS, COLUMNS, rows, row -> row);

        for (int r = 0; r < BulkInsertTest.AWKWARD.size(); r++) {
            Object[] written = BulkInsertTest.AWKWARD.get(r);
            Object[] back = jdbc.queryForObject("select s, n, at, i, b from t where owner = 'acme' and k = ?", (rs, i) -> new Object[] {
                    rs.getString(1), rs.getBigDecimal(2), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                    rs.getObject(4) == null ? null : rs.getInt(4), rs.getObject(5) == null ? null : rs.getBoolean(5)}, r);
            assertThat(back[0]).as("row %d text", r).isEqualTo(written[0]);
            assertThat(back[1] == null ? null : ((BigDecimal) back[1]).compareTo((BigDecimal) written[1])).as("row %d amount", r)
                    .isEqualTo(written[1] == null ? null : 0);
            assertThat(Arrays.asList(back).subList(2, 5)).as("row %d", r).isEqualTo(Arrays.asList(written).subList(2, 5));
        }
        assertThat(jdbc.queryForList("select s from t where owner = 'acme' and k = ? or owner = 'other'", String.class,
                BulkInsertTest.AWKWARD.size())).containsExactly("before", "before");
        assertThatThrownBy(() -> new BulkUpdate(jdbc, new SqlDialect(jdbc)).update("t", KEYS, COLUMNS, List.<Object[]>of(new Object[] {"acme"}),
                row -> row)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 7 columns");
    }
}
