package io.settlehub.bank.route;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.outbound.BatchFlusher;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each batching bank's timer flushes that bank's waiting instructions, and a failed flush is tried again at the next tick. */
class BankBatchRouteTest {

    private final BatchFlusher flusher = mock(BatchFlusher.class);
    private DefaultCamelContext camel;

    private static BankProperties.BankProfile bank(String name, Duration batchInterval) {
        return new BankProperties.BankProfile(name, BankProperties.Format.ISO20022, null, null, Set.of(), Set.of(), null, batchInterval,
                null, null);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void only_batching_banks_are_flushed_and_a_failure_waits_for_the_next_tick() throws Exception {
        doThrow(new IllegalStateException("the bank's server is away")).doNothing().when(flusher).flush("vtb");
        camel = new DefaultCamelContext();
        camel.addRoutes(new BankBatchRoute(new BankProperties(null, null, "state", List.of(),
                List.of(bank("alfa", null), bank("vtb", Duration.ofMillis(200))), null), flusher));
        camel.start();

        verify(flusher, timeout(5_000).atLeast(2)).flush("vtb");
        verify(flusher, never()).flush("alfa");
        verify(flusher, atLeast(2)).flush(anyString());
    }
}
