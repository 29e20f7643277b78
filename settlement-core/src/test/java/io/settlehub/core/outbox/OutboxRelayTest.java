package io.settlehub.core.outbox;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import io.settlehub.core.outbox.OutboxRepository;
import io.settlehub.core.outbox.OutboxRepository.OutboxMessage;
import io.settlehub.testsupport.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The relay over a real broker and PostgreSQL: a backlog goes in one run, signed, and a resend after a crash is dropped. */
@Tag("integration")
class OutboxRelayTest {

    static EmbeddedActiveMQ broker;
    static ActiveMQConnectionFactory connections;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://41"));
        broker.start();
        connections = new ActiveMQConnectionFactory("vm://41");
        DriverManagerDataSource database = new DriverManagerDataSource(TestDatabase.createFresh("relay"), TestDatabase.user(),
                TestDatabase.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(database);
    }

    @AfterAll
    static void stop() throws Exception {
        connections.close();
        broker.stop();
    }

    @Test
    void a_backlog_larger_than_a_transaction_is_published_in_one_run_signed_and_a_resend_after_a_crash_is_dropped() throws Exception {
        String[] keys = MessageSignatures.newKeyPair();
        OutboxRepository outbox = new OutboxRepository(jdbc);
        OutboxRelay relay = new OutboxRelay(outbox, connections, MessageSignatures.signer(keys[0], "k"), 500, new SimpleMeterRegistry());
        String queue = "relay.test." + UUID.randomUUID();
        List<OutboxMessage> written = IntStream.range(0, 1_234).mapToObj(i -> OutboxMessage.of(queue, UUID.randomUUID().toString(),
                "client-" + (i % 7), "BALANCE_CHANGED", "{\"n\":" + i + "}")).toList();
        outbox.addAll(written);

        assertThat(relay.publishPending()).isEqualTo(1_234);
        assertThat(outbox.unpublishedCount()).isZero();
        assertThat(relay.publishPending()).as("nothing waits").isZero();

        List<TextMessage> received = receiveAll(queue);
        assertThat(received).hasSize(1_234);
        MessageSignatures.Verifier verifier = MessageSignatures.verifier(keys[1], "k");
        Set<String> bodies = new HashSet<>();
        for (TextMessage message : received) {
            assertThat(verifier.verifies(message.getText(), message.getStringProperty(MessageHeaders.SIGNATURE))).isTrue();
            assertThat(message.getStringProperty(MessageHeaders.GROUP_ID)).startsWith("client-");
            assertThat(message.getStringProperty("messageType")).isEqualTo("BALANCE_CHANGED");
            bodies.add(message.getText());
        }
        assertThat(bodies).containsExactlyInAnyOrderElementsOf(written.stream().map(OutboxMessage::body).toList());

        // the service stopped after the broker committed and before the marks: all of it goes again, the broker drops it
        jdbc.update("update outbox set published_at = null where destination = ?", queue);
        assertThat(relay.publishPending()).isEqualTo(1_234);
        assertThat(receiveAll(queue)).isEmpty();
    }

    @Test
    void what_was_published_longer_ago_than_the_retention_is_forgotten_and_nothing_else() throws Exception {
        OutboxRepository outbox = new OutboxRepository(jdbc);
        OutboxRelay relay = new OutboxRelay(outbox, connections, MessageSignatures.signer(MessageSignatures.newKeyPair()[0], "k"), 500,
                new SimpleMeterRegistry());
        String queue = "retention.test." + UUID.randomUUID();
        String tag = UUID.randomUUID().toString();
        outbox.addAll(IntStream.range(0, OutboxRetention.ROWS_PER_DELETE + 5).mapToObj(i -> OutboxMessage.of(queue, tag + ":" + i,
                "client-" + (i % 7), "BALANCE_CHANGED", "{\"n\":" + i + "}")).toList());
        relay.publishPending();
        receiveAll(queue);
        java.time.Instant now = java.time.Instant.parse("2026-12-01T12:00:00Z");
        // all but the last two published eight days ago, those two yesterday; and one not published yet
        jdbc.update("update outbox set published_at = ? where message_id like ?", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(8))),
                tag + ":%");
        jdbc.update("update outbox set published_at = ? where message_id in (?, ?)", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1))),
                tag + ":" + (OutboxRetention.ROWS_PER_DELETE + 3), tag + ":" + (OutboxRetention.ROWS_PER_DELETE + 4));
        outbox.add(OutboxMessage.of(queue, tag + ":waiting", "client-1", "BALANCE_CHANGED", "{}"));

        OutboxRetention retention = new OutboxRetention(outbox, java.time.Duration.ofDays(7),
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));

        assertThat(retention.forgetPublished()).as("more than one delete's worth").isEqualTo(OutboxRetention.ROWS_PER_DELETE + 3);
        assertThat(jdbc.queryForList("select message_id from outbox where message_id like ? order by id", String.class, tag + ":%"))
                .containsExactly(tag + ":" + (OutboxRetention.ROWS_PER_DELETE + 3), tag + ":" + (OutboxRetention.ROWS_PER_DELETE + 4),
                        tag + ":waiting");
        assertThat(retention.forgetPublished()).as("nothing more to forget").isZero();
        assertThat(relay.publishPending()).as("the waiting message is still published").isEqualTo(1);
        assertThat(receiveAll(queue)).hasSize(1);
    }

    private static List<TextMessage> receiveAll(String queue) throws Exception {
        List<TextMessage> received = new ArrayList<>();
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            connection.start();
            TextMessage message;
            while ((message = (TextMessage) consumer.receive(500)) != null) {
                received.add(message);
            }
        }
        return received;
    }
}
