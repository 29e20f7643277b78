package io.settlehub.core.outbox;

import io.settlehub.core.store.OutboxRepository;
import io.settlehub.core.store.OutboxRepository.OutboxMessage;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads what the outbox holds and marks it published once the broker took it. */
@Component
public class OutboxRelay {

    private final OutboxRepository outbox;
    private final int batchSize;

    public OutboxRelay(OutboxRepository outbox, @Value("${hub.outbox.batch-size:100}") int batchSize,
                       io.micrometer.core.instrument.MeterRegistry registry) {
        this.outbox = outbox;
        this.batchSize = batchSize;
        // messages committed with the ledger but not yet on the broker: the outbox lag an operator watches
        registry.gauge("hub.outbox.unpublished", outbox, OutboxRepository::unpublishedCount);
    }

    public List<OutboxMessage> pending() {
        return outbox.unpublished(batchSize);
    }

    public void published(OutboxMessage message) {
        outbox.markPublished(message.id());
    }
}
