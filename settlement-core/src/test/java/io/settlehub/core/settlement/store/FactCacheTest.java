package io.settlehub.core.settlement.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class FactCacheTest {

    private final FactCache cache = new FactCache(10);
    private final CanonicalEvent receipt = io.settlehub.core.settlement.WorkedExample.goodsReceived();

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void a_transactions_own_facts_are_found_within_it_and_cached_once_it_commits() {
        TransactionSynchronizationManager.initSynchronization();
        cache.recording(List.of(receipt));
        assertThat(cache.get(receipt.eventId())).isSameAs(receipt);
        complete(true);
        assertThat(cache.get(receipt.eventId())).isSameAs(receipt);
    }

    @Test
    void a_rolled_back_transactions_facts_are_forgotten() {
        TransactionSynchronizationManager.initSynchronization();
        cache.recording(List.of(receipt));
        complete(false);
        assertThat(cache.get(receipt.eventId())).isNull();
        TransactionSynchronizationManager.initSynchronization();
        assertThat(cache.get(receipt.eventId())).as("seen from the next transaction").isNull();
    }

    @Test
    void facts_recorded_outside_a_transaction_are_cached_at_once() {
        cache.recording(List.of(receipt));
        assertThat(cache.get(receipt.eventId())).isSameAs(receipt);
    }

    /** What the transaction manager does at the end of a transaction. */
    private static void complete(boolean committed) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        if (committed) {
            synchronizations.forEach(TransactionSynchronization::afterCommit);
        }
        synchronizations.forEach(s -> s.afterCompletion(committed ? TransactionSynchronization.STATUS_COMMITTED
                : TransactionSynchronization.STATUS_ROLLED_BACK));
        TransactionSynchronizationManager.clearSynchronization();
    }
}
