package io.settlehub.core.ledger.store;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A fresh in-memory H2 database (PostgreSQL mode, as the demo runs it) with the hub's migrations applied. */
final class EmbeddedLedgerDatabase {

    private EmbeddedLedgerDatabase() {
    }

    static SingleConnectionDataSource migrated(String name) {
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", true);
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        return database;
    }
}
