package io.settlehub.core.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.CauseOccurrences;
import io.settlehub.core.ledger.Transfer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A movement counts on its cause's business day (Moscow), whether that cause is known without a read (a batch's own
 * facts) or read from the recorded facts; a cause that is no fact counts on the day it was posted.
 */
class BalanceDayCausesTest {

    private static final AccountKey CLEARING = AccountKey.clearing("acme", "RUB");
    private static final AccountKey AVAILABLE = AccountKey.client("acme", Bucket.AVAILABLE, "RUB");

    @Test
    void each_movement_counts_on_the_business_day_of_its_cause_known_or_read() {
        SingleConnectionDataSource database = EmbeddedLedgerDatabase.migrated("balance-days");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        // recorded earlier: read from the facts (22:30 UTC on 1 March is 2 March in Moscow)
        jdbc.update("insert into event_fact (event_id, client_id, type, source, occurred_at, body, body_hash, received_at)"
                + " values ('sale:old', 'acme', 'SALE', 'ozon', ?, '{}', 'h', ?)", Timestamp.from(Instant.parse("2026-03-01T22:30:00Z")),
                Timestamp.from(Instant.now()));
        // recorded by this batch: known without a read
        Map<String, Instant> batch = Map.of("sale:new", Instant.parse("2026-03-05T09:00:00Z"));
        List<String> asked = new ArrayList<>();
        CauseOccurrences known = eventId -> {
            asked.add(eventId);
            return batch.get(eventId);
        };
        Instant postedAt = Instant.parse("2026-03-10T12:00:00Z");
        new BalanceDayRepository(jdbc, new io.settlehub.core.jdbc.BulkInsert(jdbc, new SqlDialect(jdbc)), known).record(List.of(
                new Transfer(CLEARING, AVAILABLE, Money.of("100.00", "RUB"), "acme", "order/ozon/O-1/available", "sale:new"),
                new Transfer(CLEARING, AVAILABLE, Money.of("40.00", "RUB"), "acme", "order/ozon/O-2/available", "sale:old"),
                new Transfer(CLEARING, AVAILABLE, Money.of("7.00", "RUB"), "acme", "order/ozon/O-3/available", "rebuild/acme")), postedAt);

        assertThat(asked).containsExactlyInAnyOrder("sale:new", "sale:old", "rebuild/acme");
        List<BalanceDayRepository.Day> days = new BalanceDayRepository(jdbc, new io.settlehub.core.jdbc.BulkInsert(jdbc, new SqlDialect(jdbc)), CauseOccurrences.NONE)
                .since("acme", "RUB", LocalDate.of(2026, 1, 1));
        assertThat(days).extracting(BalanceDayRepository.Day::day)
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10));
        assertThat(days).extracting(d -> d.owed().stripTrailingZeros().toPlainString()).containsExactly("40", "100", "7");
        database.destroy();
    }
}
