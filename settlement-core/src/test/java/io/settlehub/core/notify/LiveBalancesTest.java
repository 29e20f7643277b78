package io.settlehub.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.settlehub.core.security.ApiTokenRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open streams of one instance: who is watched, and what reaches whom. */
class LiveBalancesTest {

    private final LiveBalances live = new LiveBalances(mock(ApiTokenRepository.class), Clock.systemUTC());

    @Test
    void a_client_is_watched_while_a_stream_of_it_is_open() {
        List<String> received = new ArrayList<>();
        Runnable stop = live.watch("acme", "user:anna", received::add, () -> { });

        assertThat(live.watching("acme")).isTrue();
        assertThat(live.watching("other")).isFalse();
        assertThat(live.watching(null)).isFalse();
        live.publish("{\"type\":\"BALANCE_CHANGED\",\"clientId\":\"other\"}");
        live.publish("{\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\"}");
        assertThat(received).containsExactly("{\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\"}");

        stop.run();
        assertThat(live.watching("acme")).isFalse();
    }
}
