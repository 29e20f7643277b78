package io.settlehub.core.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.BulkInsert;
import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The dashboard lists a client's latest charges without an order. With a long history of orders behind the client,
 * that read finds the charges by the journal's index, on PostgreSQL, instead of reading every transfer of the client.
 */
@Tag("integration")
class LatestChargesReadTest {

    private static final int ORDER_TRANSFERS = 20_000;

    @Test
    void the_latest_charges_are_found_without_reading_the_clients_order_history() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource(TestDatabase.createFresh("charges"), TestDatabase.user(),
                TestDatabase.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        SqlDialect dialect = new SqlDialect(jdbc);
        LedgerRepository ledger = new LedgerRepository(jdbc, event -> { }, new BalanceDayRepository(jdbc, new BulkInsert(jdbc, dialect), io.settlehub.core.ledger.CauseOccurrences.NONE),
                new BalanceLineRepository(jdbc, new BulkInsert(jdbc, dialect)), new BulkInsert(jdbc, dialect), dialect);
        AccountKey clearing = AccountKey.clearing("acme", "RUB");
        AccountKey available = AccountKey.client("acme", Bucket.AVAILABLE, "RUB");
        AccountKey marketplace = AccountKey.marketplace("ozon", "acme", "RUB");
        List<Transfer> history = new ArrayList<>();
        for (int i = 0; i < ORDER_TRANSFERS; i++) {
            history.add(new Transfer(clearing, available, Money.of("100.00", "RUB"), "acme", "order/ozon/O-" + i + "/available", "sale:" + i));
        }
        ledger.post(history);
        ledger.post(List.of(new Transfer(available, marketplace, Money.of("55.10", "RUB"), "acme", "charge/ozon:storage:1", "ozon:storage:1")));
        ledger.post(List.of(new Transfer(marketplace, available, Money.of("2.00", "RUB"), "acme", "charge/ozon:storage:1", "ozon:storage:1"),
                new Transfer(available, marketplace, Money.of("12.00", "RUB"), "acme", "charge/ozon:storage:2", "ozon:storage:2")));
        jdbc.execute("analyze transfer");

        assertThat(ledger.latestComponents("acme", "charge/", 10)).containsExactly(
                new LedgerRepository.ComponentTotal("charge/ozon:storage:2", Money.of("-12.00", "RUB")),
                new LedgerRepository.ComponentTotal("charge/ozon:storage:1", Money.of("-53.10", "RUB")));

        JsonNode plan = new ObjectMapper().readTree(jdbc.queryForObject("explain (analyze, format json) "
                + LedgerRepository.LATEST_COMPONENTS, String.class, "acme", "charge/%", 10));
        assertThat(rowsRead(plan)).as("rows the read looked at, of %,d transfers of the client", ORDER_TRANSFERS + 3)
                .isLessThanOrEqualTo(10);
    }

    /** Rows every scan of the plan returned or filtered away. */
    private static long rowsRead(JsonNode node) {
        long read = 0;
        if (node.has("Node Type") && node.get("Node Type").asText().contains("Scan")) {
            read += node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong();
        }
        for (JsonNode child : node) {
            read += rowsRead(child);
        }
        return read;
    }
}
