package io.settlehub.core.it;

import org.junit.jupiter.api.Tag;
import static io.settlehub.core.settlement.WorkedExample.holdReleased;
import static io.settlehub.core.settlement.WorkedExample.restOfPayout;
import static io.settlehub.core.settlement.WorkedExample.rub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.core.settlement.messaging.EventBatchConsumer;
import io.settlehub.testsupport.EventPublishing;
import io.settlehub.testsupport.HubTestBroker;
import io.settlehub.testsupport.StompConnection;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the broker lets a connector's credentials do, and what settlement-core makes of what they send: the hub's own
 * broker configuration over TCP, spoken to in STOMP as a connector without Java would. Only connector-bank's word moves a
 * payment; a status that contradicts the record is flagged, never a second payment; a malformed message is dead-lettered
 * alone, whatever headers it carries, and the valid events of its batch apply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.operator-token=" + MessageTrustTest.TOKEN, "hub.events.auto-start=false", "hub.test.broker=tcp"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("integration")
class MessageTrustTest {

    static final String TOKEN = "message-trust-operator-token-5e1c";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshPostgres.register(registry, "trust");
    }

    @Autowired
    HubTestBroker broker;

    @LocalServerPort
    int port;

    @Autowired
    EventBatchConsumer consumer;

    final Map<String, StompConnection> connections = new HashMap<>();

    StompConnection as(String identity) throws Exception {
        StompConnection connection = connections.get(identity);
        if (connection == null) {
            connection = StompConnection.open("127.0.0.1", broker.port(), identity, HubTestBroker.password(identity));
            connections.put(identity, connection);
        }
        return connection;
    }

    /** The event over STOMP, as the connector that publishes its type sends it (STOMP frames carry content-length). */
    StompConnection.Frame publish(String identity, CanonicalEvent event) throws Exception {
        return as(identity).send(Addresses.EVENTS, Map.of("destination-type", "ANYCAST", MessageHeaders.EVENT_TYPE, event.type().name(),
                MessageHeaders.SOURCE, event.source(), MessageHeaders.GROUP_ID, event.clientId() == null ? "reference-data" : event.clientId()),
                EventCodec.encode(event));
    }

    void publish(List<CanonicalEvent> events) throws Exception {
        for (CanonicalEvent event : events) {
            assertThat(publish(EventPublishing.publisherOf(event.type()), event).command()).isEqualTo("RECEIPT");
        }
    }

    JsonNode get(String path) throws Exception {
        var response = ApiCalls.call(port, "GET", path, null, TOKEN);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return EventCodec.mapper().readTree(response.body());
    }

    String newClient() throws Exception {
        String client = "t" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(ApiCalls.call(port, "PUT", "/api/clients/" + client, SettlementCoreTestBase.agreementJson(), TOKEN).statusCode())
                .isEqualTo(200);
        return client;
    }

    void awaitBuckets(String client, String available, String inFlight, String paid) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode rub = get("/api/clients/" + client + "/balances").get(0);
            assertThat(List.of(rub.get("available").asText(), rub.get("inFlight").asText(), rub.get("paid").asText()))
                    .as("available, inFlight, paid").containsExactly(available, inFlight, paid);
        });
    }

    /** The client paid in full (1,297.19 available), then paid out: the instruction's id, its 1,297.19 in flight. */
    String paidOut(String client) throws Exception {
        List<CanonicalEvent> events = new ArrayList<>(SettlementCoreTestBase.workedExampleFor(client));
        events.add(SettlementCoreTestBase.forClient(holdReleased(), client));
        events.add(SettlementCoreTestBase.forClient(restOfPayout(), client));
        startConsumer();
        publish(events);
        awaitBuckets(client, "1297.19", "0.00", "0.00");
        JsonNode run = EventCodec.mapper().readTree(ApiCalls.call(port, "POST", "/api/payouts/run", null, TOKEN).body());
        for (JsonNode instruction : run) {
            if (instruction.get("clientId").asText().equals(client)) {
                awaitBuckets(client, "0.00", "1297.19", "0.00");
                return instruction.get("instructionId").asText();
            }
        }
        throw new AssertionError("no instruction for " + client + " in " + run);
    }

    static CanonicalEvent status(String client, String instructionId, String status, String suffix) {
        Instant at = Instant.parse("2026-04-03T10:00:00Z");
        return new CanonicalEvent("bank:" + instructionId + ":" + status + suffix, EventType.PAYMENT_STATUS, 1, "bank", client, at,
                new PaymentStatus(instructionId, status, status.equals("REJECTED") ? "AC04: account closed" : null,
                        status.equals("BOOKED") ? at : null, status.equals("BOOKED") ? rub("1297.19") : null));
    }

    void startConsumer() {
        if (!consumer.isRunning()) {
            consumer.start();
        }
    }

    List<JsonNode> alerts(String kind) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        get("/api/alerts").forEach(a -> {
            if (a.get("kind").asText().equals(kind)) {
                found.add(a);
            }
        });
        return found;
    }

    List<JsonNode> deadLetters(String queue) throws Exception {
        List<JsonNode> letters = new ArrayList<>();
        get("/api/operations/dead-letters?queue=" + queue).forEach(letters::add);
        return letters;
    }

    @Test
    @Order(1)
    void a_malformed_message_with_headers_jms_cannot_name_is_dead_lettered_alone_and_the_valid_events_of_its_batch_apply()
            throws Exception {
        String client = newClient();
        List<CanonicalEvent> events = SettlementCoreTestBase.workedExampleFor(client);
        publish(events.subList(0, 3));
        // as a STOMP library sends it: content-length (not a JMS property name), destination-type, a body that is no event
        assertThat(as("connector-marketplace").send(Addresses.EVENTS, Map.of("destination-type", "ANYCAST",
                MessageHeaders.EVENT_TYPE, "SALE", "x-custom-header", "stomp"), "{\"eventId\": \"broken").command()).isEqualTo("RECEIPT");
        publish(events.subList(3, events.size()));

        startConsumer();   // everything above is one batch
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/api/clients/" + client + "/balances").toString())
                .contains("\"held\":\"259.44\"").contains("\"available\":\"1037.75\""));
        List<JsonNode> dead = deadLetters(Addresses.EVENTS_DLQ);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("failureReason").asText()).startsWith("invalid event: malformed JSON");
        assertThat(dead.get(0).get("sender").asText()).isEqualTo("connector-marketplace");
        assertThat(dead.get(0).get("body").asText()).isEqualTo("{\"eventId\": \"broken");
        assertThat(dead.get(0).get("otherProperties").asText()).as("kept, under a name JMS takes").contains("content-length=");
        assertThat(deadLetters("DLQ")).as("nothing in the broker's catch-all").isEmpty();
        assertThat(get("/api/operations/queues").get("DLQ").asDouble()).isZero();
        String metrics = ApiCalls.call(port, "GET", "/actuator/prometheus", null, null).body();
        assertThat(metrics).contains("hub_events_dead_lettered_total 1.0");
    }

    @Test
    @Order(2)
    void a_payment_status_from_any_connector_but_the_bank_is_refused_with_an_alert_and_moves_no_money() throws Exception {
        String client = newClient();
        String instructionId = paidOut(client);
        // a rejection forged with the marketplace connector's credentials, claiming to be the bank in every header it can set
        CanonicalEvent forged = status(client, instructionId, "REJECTED", "");
        assertThat(as("connector-marketplace").send(Addresses.EVENTS, Map.of("destination-type", "ANYCAST",
                MessageHeaders.EVENT_TYPE, "PAYMENT_STATUS", MessageHeaders.SOURCE, "connector-bank", "_AMQ_VALIDATED_USER", "connector-bank",
                MessageHeaders.VALIDATED_USER, "connector-bank"), EventCodec.encode(forged)).command()).isEqualTo("RECEIPT");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(alerts("MESSAGE_REFUSED").toString())
                .contains(forged.eventId()));
        JsonNode refused = deadLetters(Addresses.EVENTS_DLQ).stream().filter(d -> d.get("body").asText().contains(forged.eventId()))
                .findFirst().orElseThrow();
        assertThat(refused.get("refused").asBoolean()).isTrue();
        assertThat(refused.get("sender").asText()).as("the broker's word, not the headers'").isEqualTo("connector-marketplace");
        assertThat(refused.get("failureReason").asText())
                .isEqualTo("refused: PAYMENT_STATUS may only come from connector-bank; this one came from connector-marketplace");
        awaitBuckets(client, "0.00", "1297.19", "0.00");
        assertThat(ApiCalls.call(port, "POST", "/api/payouts/run", null, TOKEN).body()).as("nothing paid again").doesNotContain(client);

        // the bank's own word still moves the payment
        assertThat(publish("connector-bank", status(client, instructionId, "BOOKED", "")).command()).isEqualTo("RECEIPT");
        awaitBuckets(client, "0.00", "0.00", "1297.19");
    }

    @Test
    @Order(3)
    void a_booking_after_a_rejection_is_booked_from_what_the_rejection_made_available_flagged_and_never_paid_again() throws Exception {
        String client = newClient();
        String instructionId = paidOut(client);
        publish("connector-bank", status(client, instructionId, "REJECTED", ""));
        awaitBuckets(client, "1297.19", "0.00", "0.00");

        publish("connector-bank", status(client, instructionId, "BOOKED", ""));
        awaitBuckets(client, "0.00", "0.00", "1297.19");
        assertThat(ApiCalls.call(port, "POST", "/api/payouts/run", null, TOKEN).body()).as("not paid a second time").doesNotContain(client);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(alerts("PAYMENT_STATUS_CONTRADICTS_RECORD").toString())
                .contains(instructionId).contains("booked 1297.19 RUB of " + instructionId + " after rejecting it"));
        assertThat(get("/api/reconciliation/discrepancies").toString()).contains("PAYMENT_STATUS_CONTRADICTS_RECORD")
                .contains("instruction " + instructionId);
        assertThat(get("/api/clients/" + client + "/payments").get(0).get("status").asText()).isEqualTo("BOOKED");
    }

    @Test
    @Order(4)
    void a_rejection_after_a_booking_moves_nothing_and_is_flagged() throws Exception {
        String client = newClient();
        String instructionId = paidOut(client);
        publish("connector-bank", status(client, instructionId, "BOOKED", ""));
        awaitBuckets(client, "0.00", "0.00", "1297.19");

        publish("connector-bank", status(client, instructionId, "REJECTED", ""));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(alerts("PAYMENT_STATUS_CONTRADICTS_RECORD").toString())
                .contains("rejects " + instructionId + " of 1297.19 RUB after booking it"));
        awaitBuckets(client, "0.00", "0.00", "1297.19");
        assertThat(get("/api/reconciliation/discrepancies").toString()).contains("instruction " + instructionId);
        assertThat(get("/api/clients/" + client + "/payments").get(0).get("history").toString()).contains("not applied");
    }

    @Test
    @Order(5)
    void a_status_for_an_instruction_the_hub_never_issued_is_parked_and_raises_an_alert() throws Exception {
        startConsumer();
        String client = newClient();
        publish("connector-bank", status(client, "SHNEVERISSUED1", "BOOKED", ""));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(alerts("PAYMENT_STATUS_CONTRADICTS_RECORD").toString())
                .contains("SHNEVERISSUED1, an instruction the hub never issued"));
        assertThat(get("/api/parked-events").toString()).contains("bank:SHNEVERISSUED1:BOOKED");
    }

    /** A fresh STOMP login; the broker closes a connection after refusing it something. */
    StompConnection.Frame tryAs(String identity, java.util.function.Function<StompConnection, StompConnection.Frame> action)
            throws Exception {
        try (StompConnection connection = StompConnection.open("127.0.0.1", broker.port(), identity, HubTestBroker.password(identity))) {
            return action.apply(connection);
        }
    }

    static java.util.function.Function<StompConnection, StompConnection.Frame> sendTo(String destination, String routing) {
        return connection -> {
            try {
                return connection.send(destination, Map.of("destination-type", routing), "{\"forged\": true}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    @Test
    @Order(6)
    void the_broker_lets_each_connector_send_events_and_nothing_that_moves_money() throws Exception {
        for (String connector : List.of("connector-marketplace", "connector-carrier", "connector-filedrop", "connector-accounting",
                "connector-bank", "connector-example")) {
            assertThat(tryAs(connector, sendTo(Addresses.NOTIFICATIONS, "MULTICAST")).isError()).as("%s → notifications", connector).isTrue();
            assertThat(tryAs(connector, sendTo(Addresses.EVENTS_DLQ, "ANYCAST")).isError()).as("%s → DLQ.hub.events", connector).isTrue();
            assertThat(tryAs(connector, sendTo("hub.anything.new", "ANYCAST")).isError()).as("%s → a new address", connector).isTrue();
            assertThat(tryAs(connector, connection -> {
                try {
                    return connection.subscribe(Addresses.EVENTS);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).isError()).as("%s reads hub.events", connector).isTrue();
            if (!connector.equals("connector-bank")) {
                assertThat(tryAs(connector, sendTo(Addresses.PAYMENT_INSTRUCTIONS, "ANYCAST")).isError())
                        .as("%s → payment instructions", connector).isTrue();
            }
            assertThat(tryAs(connector, sendTo(Addresses.ACCOUNTING_EXPORTS, "ANYCAST")).isError())
                    .as("%s → accounting exports", connector).isTrue();
        }
        assertThat(tryAs("hub-operator", sendTo(Addresses.PAYMENT_INSTRUCTIONS, "ANYCAST")).isError())
                .as("the operator's console identity pays nothing either").isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StompConnection.open("127.0.0.1", broker.port(), "connector-bank",
                "connector-marketplace-test-password")).hasMessageContaining("refused connector-bank");
    }

    @Test
    @Order(7)
    void the_brokers_catch_all_dead_letter_queue_is_counted_and_listed() throws Exception {
        startConsumer();
        assertThat(publishUnmapped()).isEqualTo("RECEIPT");
        try (Connection connection = broker.connectionFactory("hub-operator").createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer unmapped = session.createConsumer(session.createQueue(Addresses.UNMAPPED))) {
            connection.start();
            for (int attempt = 0; attempt < 10; attempt++) {   // a reader that keeps failing: the broker gives up on it
                Message message = unmapped.receive(5000);
                assertThat(message).as("delivery %d", attempt + 1).isNotNull();
                session.rollback();
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/api/operations/queues").get("DLQ").asDouble())
                .isEqualTo(1.0));
        JsonNode letter = deadLetters("DLQ").get(0);
        assertThat(letter.get("originalAddress").asText()).isEqualTo(Addresses.UNMAPPED);
        assertThat(letter.get("failureReason").asText()).as("what its sender said of it").isEqualTo("a row without an amount");
        assertThat(letter.get("sender").asText()).isEqualTo("connector-filedrop");
        assertThat(ApiCalls.call(port, "GET", "/actuator/prometheus", null, null).body()).contains("hub_queue_messages{queue=\"DLQ\"} 1.0");
        assertThat(ApiCalls.call(port, "POST", "/api/operations/dead-letters/replay?queue=DLQ", null, TOKEN).body())
                .as("not one of the hub's addresses: left where it is").contains("\"replayed\":0");
    }

    String publishUnmapped() throws Exception {
        return as("connector-filedrop").send(Addresses.UNMAPPED, Map.of("destination-type", "ANYCAST", MessageHeaders.FAILURE_REASON,
                "a row without an amount"), "{\"row\": 7}").command();
    }

}
