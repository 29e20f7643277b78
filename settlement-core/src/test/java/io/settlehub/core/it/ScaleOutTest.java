package io.settlehub.core.it;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.core.SettlementCoreApplication;
import io.settlehub.core.settlement.messaging.EventBatchConsumer;
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
 * consumer at a time) end with exactly the balances one instance reaches from the same stream, and both did work; and
 * one instance applying its batches in two parts at once (decision 0017) ends with exactly the balances of one
 * transaction per batch.
 */
@Tag("integration")
class ScaleOutTest {

    static final String TOKEN = "scale-out-operator-token-19af";
    static final int CLIENTS = 30;
    static final int EVENTS = 2_000;

    @Test
    void two_instances_reach_exactly_the_balances_of_one() throws Exception {
        List<CanonicalEvent> stream = EventStreams.generate(CLIENTS, EVENTS, 20261126L);
        Run two = run(stream, 2, Backlog.NO, "--hub.events.apply-parts=1");
        assertSameLedger(two, run(stream, 1, Backlog.NO, "--hub.events.apply-parts=1"));
        assertThat(two.appliedPerInstance()).hasSize(2).allSatisfy(applied -> assertThat(applied).as("each instance applied events")
                .isPositive());
        assertThat(two.appliedPerInstance().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(stream.size());
    }

    @Test
    void batches_applied_in_parts_reach_exactly_the_balances_of_one_transaction_each() throws Exception {
        List<CanonicalEvent> stream = EventStreams.generate(CLIENTS, EVENTS, 20261202L);
        Run whole = run(stream, 1, Backlog.YES, "--hub.events.apply-parts=1");
        Run parts = run(stream, 1, Backlog.YES, "--hub.events.apply-parts=2");
        assertSameLedger(parts, whole);
        assertThat(whole.splitBatches()).isZero();
        assertThat(parts.splitBatches()).as("batches applied in two parts").isPositive();
    }

    private static void assertSameLedger(Run actual, Run expected) {
        assertThat(expected.balances()).hasSizeGreaterThan(CLIENTS);
        assertThat(actual.balances()).isEqualTo(expected.balances());
        assertThat(actual.journal()).isEqualTo(expected.journal());
    }

    /** Whether the stream waits on the broker before the consumers start (full batches), or arrives as they run. */
    enum Backlog { YES, NO }

    /** Every account's balance, the journal's net per client and component, what each instance applied, batches split. */
    record Run(Map<String, BigDecimal> balances, Map<String, BigDecimal> journal, List<Double> appliedPerInstance, double splitBatches) {
    }

    static Run run(List<CanonicalEvent> stream, int instances, Backlog backlog, String... settings) throws Exception {
        int port = freePort();
        HubTestBroker broker = HubTestBroker.startOnTcp(port);
        String db = TestDatabase.createFresh("scale" + instances);
        List<ConfigurableApplicationContext> cores = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                List<String> args = new ArrayList<>(List.of("--server.port=0",
                        "--spring.artemis.mode=native", "--spring.artemis.embedded.enabled=false",
                        "--spring.artemis.broker-url=tcp://127.0.0.1:" + port, "--spring.artemis.user=settlement-core",
                        "--spring.artemis.password=" + HubTestBroker.password("settlement-core"), "--spring.datasource.url=" + db,
                        "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
                        "--hub.operator-token=" + TOKEN, "--hub.events.batch-size=200", "--hub.test.broker=none",
                        "--hub.events.auto-start=" + (backlog == Backlog.NO)));
                args.addAll(List.of(settings));
                cores.add(new SpringApplicationBuilder(SettlementCoreApplication.class).profiles("test").run(args.toArray(String[]::new)));
            }
            int httpPort = ((WebServerApplicationContext) cores.get(0)).getWebServer().getPort();
            for (int c = 0; c < CLIENTS; c++) {
                assertThat(ApiCalls.call(httpPort, "PUT", "/api/clients/" + EventStreams.client(c), SettlementCoreTestBase.agreementJson(),
                        TOKEN).statusCode()).isEqualTo(200);
            }
            publish(broker, stream);
            if (backlog == Backlog.YES) {
                cores.forEach(core -> core.getBean(EventBatchConsumer.class).start());
            }
            JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(db, TestDatabase.user(),
                    TestDatabase.password()));
            await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject("select count(*) from event_fact", Long.class)
                    == stream.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from parked_event", Long.class) == 0);
            Map<String, BigDecimal> balances = new TreeMap<>();
            jdbc.query("select account_key, credits_posted - debits_posted from account",
                    rs -> { balances.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()); });
            Map<String, BigDecimal> journal = new TreeMap<>();
            jdbc.query("select client_id, component, least(debit_account, credit_account), greatest(debit_account, credit_account),"
                            + " sum(case when debit_account < credit_account then amount else -amount end) from transfer"
                            + " group by 1, 2, 3, 4 having sum(case when debit_account < credit_account then amount else -amount end) <> 0",
                    rs -> { journal.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " → " + rs.getString(4),
                            rs.getBigDecimal(5).stripTrailingZeros()); });
            List<Double> applied = cores.stream().map(ctx -> ctx.getBean(MeterRegistry.class).counter("hub.events.applied").count()).toList();
            double split = cores.stream().mapToDouble(ctx -> ctx.getBean(MeterRegistry.class).counter("hub.events.batch.split").count()).sum();
            return new Run(balances, journal, applied, split);
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
