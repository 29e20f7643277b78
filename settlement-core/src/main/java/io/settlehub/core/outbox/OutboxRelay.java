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

    public OutboxRelay(OutboxRepository outbox, @Value("${hub.outbox.batch-size:100}") int batchSize) {
        this.outbox = outbox;
        this.batchSize = batchSize;
    }

    public List<OutboxMessage> pending() {
        return outbox.unpublished(batchSize);
    }

    public void published(OutboxMessage message) {
        outbox.markPublished(message.id());
    }
}
