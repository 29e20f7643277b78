package io.settlehub.core.ledger.store;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database that already has a journal (V12) fills the balance lines from it and counts the days by the
 * events that caused each movement (V13), on PostgreSQL.
 */
@Tag("integration")
class BalanceLinesMigrationTest {

    @Test
    void an_existing_journal_is_explained_by_line_and_dated_by_its_events() {
        DriverManagerDataSource database = new DriverManagerDataSource(TestDatabase.createFresh("lines"), TestDatabase.user(),
                TestDatabase.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("12").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (String[] account : new String[][] {{"client/acme:clearing:RUB", "client/acme", "clearing"},
                {"client/acme:available:RUB", "client/acme", "available"}, {"client/acme:inFlight:RUB", "client/acme", "inFlight"},
                {"marketplace/ozon/acme:receivable:RUB", "marketplace/ozon/acme", "receivable"}}) {
            jdbc.update("insert into account (account_key, owner, kind, currency) values (?, ?, ?, 'RUB')", (Object[]) account);
        }
        jdbc.update("insert into event_fact (event_id, client_id, type, source, occurred_at, body, body_hash, received_at)"
                + " values ('ozon:acme:op:1', 'acme', 'SALE', 'ozon', ?, '{}', 'h', ?)", Timestamp.from(Instant.parse("2026-11-10T22:30:00Z")),
                Timestamp.from(Instant.parse("2026-11-30T10:00:00Z")));
        Timestamp posted = Timestamp.from(Instant.parse("2026-11-30T10:00:00Z"));
        transfer(jdbc, "client/acme:clearing:RUB", "client/acme:available:RUB", "1297.19", "order/ozon/1/available", "ozon:acme:op:1", posted);
        transfer(jdbc, "client/acme:available:RUB", "marketplace/ozon/acme:receivable:RUB", "55.10", "charge/ozon:acme:storage:1",
                "ozon:acme:storage:1", posted);
        transfer(jdbc, "client/acme:available:RUB", "client/acme:inFlight:RUB", "1000.00", "payment/SH1", "payout-run-1", posted);

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        Map<String, BigDecimal> lines = new TreeMap<>();
        jdbc.query("select line, bucket, amount from balance_line where client_id = 'acme'",
                rs -> {
                    lines.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros());
                });
        assertThat(lines).containsExactlyInAnyOrderEntriesOf(Map.of("orders/available", new BigDecimal("1297.19"),
                "charges/available", new BigDecimal("-55.1"), "payouts/available", new BigDecimal("-1E+3"), "payouts/inFlight", new BigDecimal("1E+3")));
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        jdbc.query("select business_day, owed from balance_day where client_id = 'acme'", rs -> {
            days.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2).stripTrailingZeros());
        });
        assertThat(days).as("the sale on its Moscow day, the rest on the day posted (no event of theirs is recorded)")
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(LocalDate.of(2026, 11, 11), new BigDecimal("1297.19"),
                        LocalDate.of(2026, 11, 30), new BigDecimal("-55.1"))));
    }

    private static void transfer(JdbcTemplate jdbc, String debit, String credit, String amount, String component, String cause, Timestamp at) {
        jdbc.update("insert into transfer (debit_account, credit_account, amount, currency, client_id, component, cause, posted_at)"
                + " values (?, ?, ?, 'RUB', 'acme', ?, ?, ?)", debit, credit, new BigDecimal(amount), component, cause, at);
    }
}
