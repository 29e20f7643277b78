package io.settlehub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import io.settlehub.testsupport.EventPublishers;
import io.settlehub.testsupport.EventStreams;
import io.settlehub.testsupport.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two live brokers in a cluster (deploy/broker/provision.py --cluster local|remote): messages go to whichever broker has
 * a consumer, and the clustered grouping handler keeps each client's events with one consumer across both. Connectors
 * publish to either broker, a settlement-core instance consumes from each; an event two replicas publish to different
 * brokers passes both brokers' duplicate detection (it is per broker) and is applied once by settlement-core. A message
 * that crosses from one broker to the other arrives under the cluster's user: connector-bank's events are taken on its
 * signature there (decision 0015), and none is refused.
 */
@Tag("integration")
class BrokerClusterTest {

    static final Path WORK = Path.of(System.getProperty("hub.work", "target/e2e")).toAbsolutePath().resolveSibling("cluster");
    static final int CLIENTS = 30;
    static final int EVENTS = 3_000;
    static final int REPEAT_EVERY = 10;
    static final String[] BANK_KEYS = MessageSignatures.newKeyPair();

    static Processes processes;

    @AfterAll
    static void stop() {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void each_client_stays_with_one_consumer_across_the_brokers_and_an_event_published_to_both_applies_once() throws Exception {
        RunningHub.deleteRecursively(WORK);
        processes = new Processes(WORK.resolve("logs"));
        Path artemis = Path.of(System.getProperty("hub.artemis.home"));
        int[] ports = {Processes.freePort(), Processes.freePort()};
        Path a = StandaloneBroker.createClustered(artemis, WORK.resolve("broker-a"), ports[0], Processes.freePort(), "local", ports[1]);
        Path b = StandaloneBroker.createClustered(artemis, WORK.resolve("broker-b"), ports[1], Processes.freePort(), "remote", ports[0]);
        processes.start("broker-a", Map.of(), List.of(a.resolve("bin/artemis").toString(), "run"));
        processes.start("broker-b", Map.of(), List.of(b.resolve("bin/artemis").toString(), "run"));
        for (String broker : List.of("broker-a", "broker-b")) {
            await(broker + " joined the cluster").atMost(Duration.ofSeconds(60)).until(() -> processes.log(broker).contains("AMQ221027"));
        }

        // the brokers alone: groups published alternately to both reach one consumer each; a repeat sent to both arrives twice
        Map<String, Set<String>> groups = new TreeMap<>();
        int repeats = probe(ports, groups);
        assertThat(groups).hasSize(4).allSatisfy((group, consumers) -> assertThat(consumers).as(group).hasSize(1));
        assertThat(groups.values().stream().flatMap(Set::stream).distinct().count()).as("both consumers got groups").isEqualTo(2);
        assertThat(repeats).as("duplicate detection is per broker: the same id sent to both passes both").isEqualTo(2);

        String db = TestDatabase.createFresh("cluster");
        int[] corePorts = {Processes.freePort(), Processes.freePort()};
        for (int i = 0; i < 2; i++) {
            Map<String, String> core = new HashMap<>(StandaloneBroker.login("settlement-core", ports[i]));
            core.putAll(Map.of("HUB_DB_URL", db, "HUB_DB_USER", TestDatabase.user(), "HUB_DB_PASSWORD", TestDatabase.password(),
                    "HUB_OPERATOR_TOKEN", RunningHub.TOKEN, "HUB_CORE_SIGNING_KEY", ChaosTest.SIGNING_KEYS[0],
                    "HUB_BANK_VERIFY_KEY", BANK_KEYS[1]));
            processes.java("settlement-core-" + i, RunningHub.jar("settlement-core"), core, "--server.port=" + corePorts[i],
                    "--hub.events.batch-size=500", RunningHub.BANK_DIRECTORY);
            RunningHub.awaitHealthy(corePorts[i], "settlement-core");
        }
        for (int c = 0; c < CLIENTS; c++) {
            assertThat(ChaosTest.call(corePorts[0], "PUT", "/api/clients/" + EventStreams.client(c), ChaosTest.agreement(c)).statusCode())
                    .isEqualTo(200);
        }

        List<CanonicalEvent> stream = EventStreams.generate(CLIENTS, EVENTS, 20261203L);
        int published = 0;
        // connector-bank signs what it publishes (HUB_BANK_SIGNING_KEY): a status, credit or rate that reaches settlement-core
        // through the other broker carries the cluster's user, not connector-bank's, and is taken on the signature
        MessageSignatures.Signer bank = MessageSignatures.signer(BANK_KEYS[0], "HUB_BANK_SIGNING_KEY");
        try (EventPublishers toA = new EventPublishers(identity -> StandaloneBroker.factory(ports[0], identity), false, true)
                     .signing("connector-bank", bank);
             EventPublishers toB = new EventPublishers(identity -> StandaloneBroker.factory(ports[1], identity), false, true)
                     .signing("connector-bank", bank)) {
            for (int i = 0; i < stream.size(); i++) {
                (i % 2 == 0 ? toA : toB).send(stream.get(i));      // each client's events through both brokers
                published++;
                if (i % REPEAT_EVERY == 0) {
                    (i % 2 == 0 ? toB : toA).send(stream.get(i));  // a second replica publishes it to the other broker
                    published++;
                }
            }
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db, TestDatabase.user(), TestDatabase.password()));
        await("every event applied").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                jdbc.queryForObject("select count(*) from event_fact", Long.class) == stream.size()
                        && jdbc.queryForObject("select count(*) from parked_event", Long.class) == 0);
        ChaosTest.sleep(2_000);
        assertThat(jdbc.queryForObject("select count(*) from event_fact", Long.class)).as("nothing applied twice").isEqualTo(stream.size());
        for (int i = 0; i < 2; i++) {
            assertThat(processes.log("settlement-core-" + i)).as("nothing refused or dead-lettered").doesNotContain("dead-lettering");
        }

        PureSettlement.assertLedgerMatches(jdbc, stream, java.util.stream.IntStream.range(0, CLIENTS).mapToObj(EventStreams::client).toList());
        System.out.printf("broker cluster: %d messages published to two brokers for %d events (%d sent to both); %d applied,"
                + " once each; each probe group with one consumer: %s%n", published, stream.size(), published - stream.size(),
                stream.size(), groups);
    }

    /**
     * Consumers of hub.events on both brokers (as settlement-core), messages of four groups published alternately to
     * each (as a connector), and one message sent to both with one duplicate id. Answers how often that one arrived.
     */
    static int probe(int[] ports, Map<String, Set<String>> groups) throws Exception {
        List<ActiveMQConnectionFactory> factories = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            List<MessageConsumer> consumers = new ArrayList<>();
            for (int port : ports) {
                ActiveMQConnectionFactory factory = StandaloneBroker.factory(port, "settlement-core");
                factories.add(factory);
                Connection connection = factory.createConnection();
                connections.add(connection);
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                consumers.add(session.createConsumer(session.createQueue(Addresses.EVENTS)));
                connection.start();
            }
            ChaosTest.sleep(2_000);   // the consumers known across the cluster
            List<Session> senders = new ArrayList<>();
            List<MessageProducer> producers = new ArrayList<>();
            for (int port : ports) {
                ActiveMQConnectionFactory factory = StandaloneBroker.factory(port, "connector-marketplace");
                factories.add(factory);
                Connection connection = factory.createConnection();
                connections.add(connection);
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                senders.add(session);
                producers.add(session.createProducer(session.createQueue(Addresses.EVENTS)));
            }
            for (int i = 0; i < 40; i++) {
                send(senders.get(i % 2), producers.get(i % 2), "probe-group-" + (i % 4), "probe:" + i);
            }
            for (int broker = 0; broker < 2; broker++) {
                send(senders.get(broker), producers.get(broker), "probe-group-0", "probe:twice");
            }
            int twice = 0;
            for (int consumer = 0; consumer < 2; consumer++) {
                for (Message message = consumers.get(consumer).receive(2_000); message != null;
                        message = consumers.get(consumer).receive(2_000)) {
                    groups.computeIfAbsent(message.getStringProperty("JMSXGroupID"), g -> new TreeSet<>()).add("consumer-" + consumer);
                    twice += "probe:twice".equals(message.getStringProperty(MessageHeaders.DUPLICATE_ID)) ? 1 : 0;
                }
            }
            return twice;
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            for (ActiveMQConnectionFactory factory : factories) {
                factory.close();
            }
        }
    }

    static void send(Session session, MessageProducer producer, String group, String id) throws Exception {
        TextMessage message = session.createTextMessage("{}");
        message.setStringProperty(MessageHeaders.GROUP_ID, group);
        message.setStringProperty(MessageHeaders.DUPLICATE_ID, id);
        producer.send(message);
    }
}
