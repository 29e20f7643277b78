package io.settlehub.core.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.BulkInsert;
import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.testsupport.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A transfer names only accounts that exist, and an account the journal names is never deleted nor renamed: on H2 by
 * the journal's foreign keys, on PostgreSQL by one check per statement over the rows it appended (decision 0016).
 */
class JournalIntegrityTest {

    private static final AccountKey CLEARING = AccountKey.clearing("acme", "RUB");
    private static final AccountKey AVAILABLE = AccountKey.client("acme", Bucket.AVAILABLE, "RUB");

    @Test
    @Tag("integration")
    void postgresql_refuses_a_transfer_to_an_unknown_account_and_keeps_the_accounts() {
        assertIntegrity(new DriverManagerDataSource(TestDatabase.createFresh("journal"), TestDatabase.user(), TestDatabase.password()),
                "postgresql");
    }

    @Test
    void h2_refuses_a_transfer_to_an_unknown_account_and_keeps_the_accounts() {
        assertIntegrity(new SingleConnectionDataSource("jdbc:h2:mem:journal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                true), "h2");
    }

    private static void assertIntegrity(DataSource database, String vendor) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/" + vendor).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        SqlDialect dialect = new SqlDialect(jdbc);
        BulkInsert bulk = new BulkInsert(jdbc, dialect);
        LedgerRepository ledger = new LedgerRepository(jdbc, event -> { }, new BalanceDayRepository(jdbc, new BulkInsert(jdbc, dialect), io.settlehub.core.ledger.CauseOccurrences.NONE),
                new BalanceLineRepository(jdbc, new BulkInsert(jdbc, dialect)), bulk, dialect);
        ledger.post(List.of(new Transfer(CLEARING, AVAILABLE, Money.of("100.00", "RUB"), "acme", "order/ozon/O-1/available", "sale:1")));

        String unknown = AccountKey.client("acme", Bucket.HELD, "RUB").toString();
        List<String> columns = List.of("debit_account", "credit_account", "amount", "currency", "client_id", "component", "cause", "posted_at");
        List<Object[]> rows = List.of(
                new Object[] {CLEARING.toString(), AVAILABLE.toString(), new java.math.BigDecimal("1.00"), "RUB", "acme", "c/1", "x",
                        java.time.Instant.EPOCH},
                new Object[] {CLEARING.toString(), unknown, new java.math.BigDecimal("2.00"), "RUB", "acme", "c/2", "x", java.time.Instant.EPOCH});
        org.springframework.transaction.support.TransactionTemplate transaction = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(database));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> bulk.insert("transfer", columns, rows, row -> row)))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining(unknown);
        assertThat(jdbc.queryForObject("select count(*) from transfer", Integer.class)).as("nothing of the refused transaction").isEqualTo(1);

        assertThatThrownBy(() -> jdbc.update("delete from account where account_key = ?", AVAILABLE.toString()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update account set account_key = 'x' where account_key = ?", AVAILABLE.toString()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(ledger.creditBalance(AVAILABLE)).isEqualByComparingTo("100.00");
    }
}
