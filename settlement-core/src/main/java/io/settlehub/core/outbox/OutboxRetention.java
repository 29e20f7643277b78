package io.settlehub.core.outbox;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what the outbox has published once {@code hub.outbox.keep-published} has passed: a message on the broker needs
 * its row no longer (its instruction, document or balance is recorded where it belongs), and with many clients the
 * outbox gains about a notification per event, so kept for ever it would grow with the history.
 */
@Component
public class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final int ROWS_PER_DELETE = 10_000;

    private final OutboxRepository outbox;
    private final Duration keepPublished;
    private final Clock clock;

    public OutboxRetention(OutboxRepository outbox, @Value("${hub.outbox.keep-published:7d}") Duration keepPublished, Clock clock) {
        this.outbox = outbox;
        this.keepPublished = keepPublished;
        this.clock = clock;
    }

    /** Deletes, a bounded number of rows per statement, every message published longer ago than the retention. */
    @Scheduled(fixedDelayString = "${hub.outbox.retention-check:1h}", initialDelayString = "${hub.outbox.retention-check:1h}")
    public int forgetPublished() {
        java.time.Instant cutoff = clock.instant().minus(keepPublished);
        int forgotten = 0;
        int deleted;
        do {
            deleted = outbox.deletePublishedBefore(cutoff, ROWS_PER_DELETE);
            forgotten += deleted;
        } while (deleted == ROWS_PER_DELETE);
        if (forgotten > 0) {
            log.info("outbox: forgot {} messages published before {}", forgotten, cutoff);
        }
        return forgotten;
    }
}
