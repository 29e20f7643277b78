package io.settlehub.core.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.BulkInsert;
import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.CauseOccurrences;
import io.settlehub.core.ledger.HubAccount;
import io.settlehub.core.ledger.Transfer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger remembers the shared accounts it has seen committed, so as not to read them in every batch; one that a
 * transaction created and saw, then lost with its rollback, is not among them: the next posting creates it again.
 */
class SharedAccountsSeenTest {

    private static final AccountKey CLEARING = AccountKey.clearing("acme", "RUB");
    private static final AccountKey COMMISSION = AccountKey.hub(HubAccount.COMMISSION, "RUB");

    @Test
    void a_shared_account_whose_creation_rolled_back_is_created_again() {
        SingleConnectionDataSource database = EmbeddedLedgerDatabase.migrated("shared-accounts");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        SqlDialect dialect = new SqlDialect(jdbc);
        LedgerRepository ledger = new LedgerRepository(jdbc, event -> { }, new BalanceDayRepository(jdbc, new BulkInsert(jdbc, dialect), CauseOccurrences.NONE),
                new BalanceLineRepository(jdbc, new BulkInsert(jdbc, dialect)), new BulkInsert(jdbc, dialect), dialect);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            ledger.post(List.of(commission("O-1", "10.00")));
            ledger.post(List.of(commission("O-2", "5.00")));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).as("nothing of the rolled back transaction").isZero();

        transaction.executeWithoutResult(status -> ledger.post(List.of(commission("O-3", "7.00"))));
        transaction.executeWithoutResult(status -> ledger.post(List.of(commission("O-4", "3.00"))));
        assertThat(ledger.creditBalance(COMMISSION)).isEqualByComparingTo("10.00");
        database.destroy();
    }

    private static Transfer commission(String orderId, String amount) {
        return new Transfer(CLEARING, COMMISSION, Money.of(amount, "RUB"), "acme", "order/ozon/" + orderId + "/commission", "sale:" + orderId);
    }
}
