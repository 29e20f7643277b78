package io.settlehub.core.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on the machine's real PostgreSQL, as in production. */
class SettlementCoreOnPostgresTest extends SettlementCoreTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FreshPostgres.register(registry, "core");
    }

    @org.junit.jupiter.api.Test
    void statements_reading_key_arrays_are_planned_with_their_keys_every_time() throws Exception {
        // a generic plan, kept from when a table was small, made key-list reads grow with the table
        try (java.sql.Connection connection = dataSource.getConnection()) {
            for (int run = 0; run < 8; run++) {
                try (java.sql.PreparedStatement keyed = connection.prepareStatement("select count(*) from account where owner = any(?)");
                     java.sql.PreparedStatement plain = connection.prepareStatement("select count(*) from account where owner = ?")) {
                    io.settlehub.core.jdbc.TextArray.bind(keyed, 1, java.util.List.of("client/a:", "client/b:"));
                    keyed.executeQuery().close();
                    plain.setString(1, "client/a:");
                    plain.executeQuery().close();
                }
            }
            try (java.sql.Statement check = connection.createStatement();
                 java.sql.ResultSet prepared = check.executeQuery("select statement from pg_prepared_statements")) {
                java.util.List<String> statements = new java.util.ArrayList<>();
                while (prepared.next()) {
                    statements.add(prepared.getString(1));
                }
                org.assertj.core.api.Assertions.assertThat(statements).as("the driver prepares a statement after five runs")
                        .anyMatch(sql -> sql.contains("owner = $1"));
                org.assertj.core.api.Assertions.assertThat(statements).noneMatch(sql -> sql.contains("owner = any"));
            }
        }
    }
}
