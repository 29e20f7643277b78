package io.settlehub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The database's own rate for rows like the hub's facts: JDBC batches of 500, one commit per batch. */
final class DatabaseBaseline {

    private DatabaseBaseline() {
    }

    static double measure(String url, String user, String password, List<String> bodies) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table bench_rows (id varchar(200) primary key, client_id varchar(100), type varchar(40),"
                        + " occurred_at timestamp with time zone, body text, body_hash varchar(64))");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_rows values (?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < bodies.size(); i++) {
                    insert.setString(1, "row-" + i);
                    insert.setString(2, "bench-" + (i % 50));
                    insert.setString(3, "SALE");
                    insert.setTimestamp(4, now);
                    insert.setString(5, bodies.get(i));
                    insert.setString(6, Integer.toHexString(bodies.get(i).hashCode()));
                    insert.addBatch();
                    if (i % 500 == 499) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return BrokerBaseline.perSecond(bodies.size(), System.nanoTime() - start);
        }
    }
}
