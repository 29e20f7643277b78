package io.settlehub.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.core.SettlementCoreApplication;
import io.settlehub.testsupport.EventStreams;
import io.settlehub.testsupport.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two settlement-core instances consuming hub.events together (message groups by client keep each client on one
 * consumer at a time) end with exactly the balances one instance reaches from the same stream, and both did work.
 */
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
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
                .setSecurityEnabled(false).addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
        broker.start();
        String db = TestDatabase.createFresh("scale" + instances);
        List<ConfigurableApplicationContext> cores = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                cores.add(new SpringApplicationBuilder(SettlementCoreApplication.class).profiles("test").run("--server.port=0",
                        "--spring.artemis.mode=native", "--spring.artemis.embedded.enabled=false",
                        "--spring.artemis.broker-url=tcp://127.0.0.1:" + port, "--spring.datasource.url=" + db,
                        "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password(),
                        "--hub.operator-token=" + TOKEN, "--hub.events.batch-size=200"));
            }
            int httpPort = ((WebServerApplicationContext) cores.get(0)).getWebServer().getPort();
            for (int c = 0; c < CLIENTS; c++) {
                assertThat(ApiCalls.call(httpPort, "PUT", "/api/clients/" + EventStreams.client(c), SettlementCoreTestBase.agreementJson(),
                        TOKEN).statusCode()).isEqualTo(200);
            }
            publish(port, stream);
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
            broker.stop();
        }
    }

    static void publish(int port, List<CanonicalEvent> stream) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(Addresses.EVENTS));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (CanonicalEvent event : stream) {
                TextMessage message = session.createTextMessage(EventCodec.encode(event));
                message.setStringProperty(MessageHeaders.EVENT_TYPE, event.type().name());
                message.setStringProperty(MessageHeaders.GROUP_ID, event.clientId() == null ? "reference-data" : event.clientId());
                message.setStringProperty(MessageHeaders.DUPLICATE_ID, event.eventId());
                producer.send(message);
            }
        }
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
