package io.settlehub.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.testsupport.TestDatabase;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On PostgreSQL every text column of the hub's tables compares bytewise (migration V24, decision 0024), whatever the
 * database's collation: a column a later migration adds without {@code collate "C"} fails here, before a join or an
 * index meets two collations. The reads by identifier still find their rows through the indexes.
 */
@Tag("integration")
class TextCollationTest {

    @Test
    void every_text_column_compares_bytewise_and_the_reads_by_identifier_use_their_indexes() {
        DriverManagerDataSource database = new DriverManagerDataSource(TestDatabase.createFresh("collation"), TestDatabase.user(),
                TestDatabase.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);

        List<String> notBytewise = jdbc.queryForList("""
                select c.relname || '.' || a.attname
                  from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid
                  join pg_collation l on l.oid = a.attcollation
                 where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
                   and c.relname <> 'flyway_schema_history' and l.collname <> 'C'
                 order by 1""", String.class);
        List<String> textColumns = jdbc.queryForList("""
                select c.relname || '.' || a.attname
                  from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid
                 where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and a.attcollation <> 0
                   and c.relname <> 'flyway_schema_history'""", String.class);

        assertThat(textColumns).as("the hub's text columns").contains("event_fact.event_id", "transfer.client_id", "account.account_key");
        assertThat(notBytewise).as("text columns not in collation \"C\"").isEmpty();

        jdbc.execute("set enable_seqscan = off");
        String plan = String.join("\n", jdbc.queryForList(
                "explain select event_id, body_hash from event_fact where event_id = any(cast(? as text[]))", String.class, "{e-1,e-2}"));
        assertThat(plan).contains("Index").doesNotContain("Seq Scan");
        String prefix = String.join("\n", jdbc.queryForList(
                "explain select component from transfer where client_id = ? and component like 'charge/%'", String.class, "acme"));
        assertThat(prefix).contains("Index").doesNotContain("Seq Scan");
    }
}
