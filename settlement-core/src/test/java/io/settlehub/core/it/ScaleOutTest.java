package io.settlehub.core.it;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.core.SettlementCoreApplication;
import io.settlehub.testsupport.EventPublishers;
import io.settlehub.testsupport.EventStreams;
import io.settlehub.testsupport.HubTestBroker;
import io.settlehub.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two settlement-core instances consuming hub.events together (message groups by client keep each client on one
 * consumer at a time) end with exactly the balances one instance reaches from the same stream, and both did work.
 */
@Tag("integration")
class ScaleOutTest {

    static final String TOKEN = "scale-out-operator-token-19af";
    static final int CLIENTS = 30;
    static final int EVENTS = 2_000;

    @Test
    void two_instances_reach_exactly_the_balances_of_one() throws Exception {
        List<CanonicalEvent> stream = EventStreams.generate(CLIENTS, EVENTS, 20261126L);
        Run one = run(stream, 1);
        Run two = run(stream, 2);
        assertThat(one.balances()).hasSizeGreaterThan(CLIENTS);
        assertThat(two.balances()).isEqualTo(one.balances());
        assertThat(two.appliedPerInstance()).hasSize(2).allSatisfy(applied -> assertThat(applied).as("each instance applied events")
                .isPositive());
        assertThat(two.appliedPerInstance().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(stream.size());
    }

    record Run(Map<String, BigDecimal> balances, List<Double> appliedPerInstance) {
    }

    static Run run(List<CanonicalEvent> stream, int instances) throws Exception {
        int port = freePort();
        HubTestBroker broker = HubTestBroker.startOnTcp(port);
        String db = TestDatabase.createFresh("scale" + instances);
        List<ConfigurableApplicationContext> cores = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                cores.add(new SpringApplicationBuilder(SettlementCoreApplication.class).profiles("test").run("--server.port=0",
                        "--spring.artemis.mode=native", "--spring.artemis.embedded.enabled=false",
                        "--spring.artemis.broker-url=tcp://127.0.0.1:" + port, "--spring.artemis.user=settlement-core",
                        "--spring.artemis.password=" + HubTestBroker.password("settlement-core"), "--spring.datasource.url=" + db,
                        "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
                        "--hub.operator-token=" + TOKEN, "--hub.events.batch-size=200", "--hub.test.broker=none"));
            }
            int httpPort = ((WebServerApplicationContext) cores.get(0)).getWebServer().getPort();
            for (int c = 0; c < CLIENTS; c++) {
                assertThat(ApiCalls.call(httpPort, "PUT", "/api/clients/" + EventStreams.client(c), SettlementCoreTestBase.agreementJson(),
                        TOKEN).statusCode()).isEqualTo(200);
            }
            publish(broker, stream);
            JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(db, TestDatabase.user(),
                    TestDatabase.password()));
            await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject("select count(*) from event_fact", Long.class)
                    == stream.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from parked_event", Long.class) == 0);
            Map<String, BigDecimal> balances = new TreeMap<>();
            jdbc.query("select account_key, credits_posted - debits_posted from account where owner like 'client/%'",
                    rs -> { balances.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()); });
            List<Double> applied = cores.stream().map(ctx -> ctx.getBean(MeterRegistry.class).counter("hub.events.applied").count()).toList();
            return new Run(balances, applied);
        } finally {
            cores.forEach(ConfigurableApplicationContext::close);
            broker.close();
        }
    }

    /** Each event as the connector that publishes its type would send it. */
    static void publish(HubTestBroker broker, List<CanonicalEvent> stream) throws Exception {
        try (EventPublishers publishers = new EventPublishers(broker::connectionFactory, false, true)) {
            for (CanonicalEvent event : stream) {
                publishers.send(event);
            }
        }
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
