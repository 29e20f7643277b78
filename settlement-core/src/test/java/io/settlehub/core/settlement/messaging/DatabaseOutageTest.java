package io.settlehub.core.settlement.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

    @Test
    void a_server_shutdown_a_lost_connection_and_a_failed_rollback_are_outages_bad_data_is_not() {
        assertThat(DatabaseOutage.is(new TransactionSystemException("JDBC rollback failed"))).isTrue();
        assertThat(DatabaseOutage.is(new RuntimeException("wrapped",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.is(new IllegalStateException(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.is(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseOutage.is(new IllegalArgumentException("amount_must_be_positive"))).isFalse();
    }
}
