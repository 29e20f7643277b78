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

    @Test
    void the_balance_changes_of_many_clients_reach_each_watched_clients_streams_as_its_own_notification() {
        List<String> acme = new ArrayList<>();
        List<String> globex = new ArrayList<>();
        assertThat(live.mayConcern(Notifications.BALANCES_GROUP)).as("nobody watches anything").isFalse();
        live.watch("acme", "user:anna", acme::add, () -> { });
        live.watch("globex", "user:boris", globex::add, () -> { });

        assertThat(live.mayConcern(Notifications.BALANCES_GROUP)).isTrue();
        assertThat(live.mayConcern("acme")).isTrue();
        assertThat(live.mayConcern("initech")).isFalse();
        live.publish("{\"notificationId\":\"m-1\",\"type\":\"BALANCES_CHANGED\",\"at\":\"2026-12-02T09:00:00Z\",\"changes\":["
                + "{\"notificationId\":\"n-1\",\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\",\"balances\":[{\"available\":\"1.00\"}]},"
                + "{\"notificationId\":\"n-2\",\"type\":\"BALANCE_CHANGED\",\"clientId\":\"initech\",\"balances\":[]},"
                + "{\"notificationId\":\"n-3\",\"type\":\"BALANCE_CHANGED\",\"clientId\":\"globex\",\"balances\":[]}]}");

        assertThat(acme).containsExactly("{\"notificationId\":\"n-1\",\"type\":\"BALANCE_CHANGED\",\"clientId\":\"acme\","
                + "\"balances\":[{\"available\":\"1.00\"}]}");
        assertThat(globex).containsExactly("{\"notificationId\":\"n-3\",\"type\":\"BALANCE_CHANGED\",\"clientId\":\"globex\",\"balances\":[]}");
    }

    @Test
    void the_alerts_of_many_clients_reach_each_watched_clients_streams_as_its_own_alert() {
        List<String> acme = new ArrayList<>();
        assertThat(live.mayConcern(Notifications.ALERTS_GROUP)).as("nobody watches anything").isFalse();
        live.watch("acme", "user:anna", acme::add, () -> { });

        assertThat(live.mayConcern(Notifications.ALERTS_GROUP)).isTrue();
        live.publish("{\"notificationId\":\"m-1\",\"type\":\"ALERTS_RAISED\",\"at\":\"2026-12-02T09:00:00Z\",\"alerts\":["
                + "{\"notificationId\":\"n-1\",\"type\":\"ALERT\",\"clientId\":\"initech\",\"alertId\":\"a-1\"},"
                + "{\"notificationId\":\"n-2\",\"type\":\"ALERT\",\"alertId\":\"a-2\"},"
                + "{\"notificationId\":\"n-3\",\"type\":\"ALERT\",\"clientId\":\"acme\",\"alertId\":\"a-3\"}]}");

        assertThat(acme).containsExactly("{\"notificationId\":\"n-3\",\"type\":\"ALERT\",\"clientId\":\"acme\",\"alertId\":\"a-3\"}");
    }
}
