package io.settlehub.core.settlement.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Upgrading a database that already has orders (V15) fills what each marketplace owes each client from them (V16). */
@Tag("integration")
class PendingBySourceMigrationTest {

    @Test
    void existing_orders_fill_the_pending_by_marketplace() {
        DriverManagerDataSource database = new DriverManagerDataSource(TestDatabase.createFresh("pending"), TestDatabase.user(),
                TestDatabase.password());
        String[] locations = {"classpath:db/migration", "classpath:db/vendor/postgresql"};
        Flyway.configure().dataSource(database).locations(locations).target("15").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        order(jdbc, "acme", "O-1", "RUB", "ozon", "1297.19");
        order(jdbc, "acme", "O-2", "RUB", "ozon", "100.01");
        order(jdbc, "acme", "O-3", "RUB", "wildberries", "0");
        order(jdbc, "acme", "O-4", "CNY", "aliexpress", "12.50");
        order(jdbc, "globex", "O-1", "RUB", "ozon", "7.00");

        Flyway.configure().dataSource(database).locations(locations).load().migrate();

        PendingBySourceRepository pending = new PendingBySourceRepository(jdbc, new io.settlehub.core.jdbc.BulkInsert(jdbc, new SqlDialect(jdbc)));
        assertThat(pending.of("acme", "RUB")).as("a marketplace owed nothing has no row").containsOnlyKeys("ozon");
        assertThat(pending.of("acme", "RUB").get("ozon")).isEqualByComparingTo("1397.20");
        assertThat(pending.of("acme", "CNY")).containsOnlyKeys("aliexpress");
        assertThat(pending.of("globex", "RUB").get("ozon")).isEqualByComparingTo("7.00");
        assertThat(pending.of("initech", "RUB")).isEqualTo(Map.of());
    }

    private static void order(JdbcTemplate jdbc, String client, String order, String currency, String source, String amount) {
        jdbc.update("insert into settlement_order (client_id, order_id, currency, takes, source, pending) values (?, ?, ?, '[]', ?, ?)",
                client, order, currency, source, new BigDecimal(amount));
    }
}
