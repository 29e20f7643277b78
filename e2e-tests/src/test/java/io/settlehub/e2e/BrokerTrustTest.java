package io.settlehub.e2e;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.CustomsAssessed;
import io.settlehub.contract.EventPayload.CustomsLine;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.GoodsReceived;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.contract.EventPayload.PayoutOrder;
import io.settlehub.contract.EventPayload.ReceiptLine;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventPayload.ShipmentCost;
import io.settlehub.contract.EventPayload.SkuQuantity;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.Money;
import io.settlehub.testsupport.EventPublishers;
import io.settlehub.testsupport.StompConnection;
import io.settlehub.testsupport.WebhookReceiver;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An attacker holding one connector's configuration, against the real standalone broker and every service as its own
 * process ({@link RunningHub}): each forgery is refused by the broker, or ignored by the hub with an alert — no bank file,
 * no money moved, no webhook sent — while the legitimate flow (events from the connectors, a payout signed by
 * settlement-core, its pain.001 file at the bank) goes on. And a malformed message sent as STOMP libraries send it is
 * dead-lettered alone, its valid neighbours applied.
 */
@ExtendWith(RunningHub.Extension.class)
@Tag("integration")
class BrokerTrustTest {

    static final List<String> CONNECTORS = List.of("connector-marketplace", "connector-carrier", "connector-filedrop",
            "connector-accounting", "connector-bank", "connector-example");
    static final String CLIENT = "trust-0";

    static RunningHub hub;

    @BeforeAll
    static void hub(RunningHub running) {
        hub = running;
    }

    StompConnection stomp(String identity) throws Exception {
        return StompConnection.open("127.0.0.1", hub.brokerPort, identity, StandaloneBroker.password(identity));
    }

    /** A fresh STOMP login per attempt: the broker closes a connection after refusing it something. */
    StompConnection.Frame send(String identity, String destination, String routing, Map<String, String> headers, String body)
            throws Exception {
        try (StompConnection connection = stomp(identity)) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put("destination-type", routing);
            return connection.send(destination, all, body);
        }
    }

    BigDecimal bucket(String client, String name) throws Exception {
        JsonNode balances = EventCodec.mapper().readTree(hub.core("/api/clients/" + client + "/balances"));
        return balances.isEmpty() ? BigDecimal.ZERO : new BigDecimal(balances.get(0).get(name).asText());
    }

    String payoutRun() throws Exception {
        return RunningHub.post(hub.corePort, "/api/payouts/run");
    }

    List<String> bankFiles() throws Exception {
        try (var files = Files.list(hub.sftpRoot.resolve("outbox"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    static void agreement(String client) throws Exception {
        RunningHub.put(hub.corePort, "/api/clients/" + client, """
                {"name": "Trust Test Import", "commissionRate": "0.05", "commissionVatRate": "0.22", "payoutCurrency": "RUB",
                 "minimumPayout": "1.00", "fxDifferenceBornBy": "CLIENT", "customsVatIsCost": true,
                 "bankAccount": {"holder": "Trust Test Import LLC", "account": "40702810900000000077", "bankId": "044525225",
                                 "taxId": "7701234577"}}""");
    }

    static CanonicalEvent event(String id, EventType type, String source, String client, String at, io.settlehub.contract.EventPayload payload) {
        return new CanonicalEvent(id, type, 1, source, client, Instant.parse(at), payload);
    }

    static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    /**
     * A client whose sale the connectors delivered, each fact by its own identity (the goods receipt from 1C, customs and
     * freight from the carrier, the sale and Ozon's payout from the marketplace), paid out: the instruction's id, once its
     * file signed by settlement-core is at the bank.
     */
    String paidOutClient() throws Exception {
        agreement(CLIENT);
        String at = "2026-11-10T09:00:00Z";
        List<CanonicalEvent> events = List.of(
                event("1c:trust-0:R-T1", EventType.GOODS_RECEIVED, "1c", CLIENT, "2026-11-02T09:00:00Z", new GoodsReceived("R-T1",
                        "shenzhen-lights", List.of(new ReceiptLine("LAMP-T", 100, Money.of("50.00", "CNY"))))),
                event("customs:trust-0:D-T1", EventType.CUSTOMS_ASSESSED, "customs", CLIENT, "2026-11-02T09:00:00Z", new CustomsAssessed("D-T1",
                        "R-T1", List.of(new CustomsLine("LAMP-T", 100, rub("62500.00"), rub("6250.00"), rub("15125.00"), rub("1231.00"))), null)),
                event("cdek:trust-0:S-T1", EventType.SHIPMENT_COST, "cdek", CLIENT, "2026-11-02T09:00:00Z", new ShipmentCost("S-T1", "R-T1",
                        "cdek", rub("30000.00"), List.of(new SkuQuantity("LAMP-T", 100)), null)),
                event("ozon:trust-0:sale:T-1", EventType.SALE, "ozon", CLIENT, at, new Sale("T-1", List.of(new SaleLine("LAMP-T", 2,
                        rub("2490.00"), rub("190.00"), List.of(new Fee("commission", rub("718.50")), new Fee("logistics", rub("150.00"))), null)))),
                event("ozon:trust-0:payout:P-T1", EventType.MARKETPLACE_PAYOUT, "ozon", CLIENT, "2026-11-20T09:00:00Z",
                        new MarketplacePayout("P-T1", rub("3921.50"), List.of(new PayoutOrder("T-1", rub("3921.50"))))));
        try (EventPublishers publishers = new EventPublishers(identity -> StandaloneBroker.factory(hub.brokerPort, identity), false, true)) {
            for (CanonicalEvent event : events) {
                publishers.send(event);
            }
        }
        await("the connectors' events settled").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> bucket(CLIENT, "available").signum() > 0);
        JsonNode run = EventCodec.mapper().readTree(payoutRun());
        for (JsonNode instruction : run) {
            if (instruction.get("clientId").asText().equals(CLIENT) && instruction.get("amount").get("currency").asText().equals("RUB")) {
                String id = instruction.get("instructionId").asText();
                await("the signed instruction's file at the bank").atMost(Duration.ofSeconds(60))
                        .until(() -> bankFiles().contains("pain001-" + id + ".xml"));
                return id;
            }
        }
        throw new AssertionError("no payout for " + CLIENT + " in " + run);
    }

    @Test
    void a_connectors_credentials_move_no_money_pay_no_one_and_send_no_notification() throws Exception {
        String instructionId = paidOutClient();
        BigDecimal inFlight = bucket(CLIENT, "inFlight");
        assertThat(inFlight).isPositive();

        // 1. a forged bank rejection (to have the payout paid again), claiming to be the bank in every header it can set
        CanonicalEvent rejected = new CanonicalEvent("bank:" + instructionId + ":REJECTED", EventType.PAYMENT_STATUS, 1, "bank", CLIENT,
                Instant.now(), new PaymentStatus(instructionId, "REJECTED", "AC04: closed", null, null));
        assertThat(send("connector-marketplace", Addresses.EVENTS, "ANYCAST", Map.of(MessageHeaders.EVENT_TYPE, "PAYMENT_STATUS",
                MessageHeaders.SOURCE, "connector-bank", "_AMQ_VALIDATED_USER", "connector-bank", MessageHeaders.VALIDATED_USER,
                "connector-bank"), EventCodec.encode(rejected)).command()).as("connectors may send events").isEqualTo("RECEIPT");
        await("the forged status refused with an alert").atMost(Duration.ofSeconds(30))
                .until(() -> hub.core("/api/alerts").contains("MESSAGE_REFUSED") && hub.core("/api/alerts").contains(rejected.eventId()));

        // 2. a forged payment instruction: refused by the broker for every connector but the bank's; connector-bank, which may
        //    send one back when it re-routes, refuses to pay what settlement-core did not sign
        String evil = "EVIL" + System.nanoTime() % 1_000_000;
        String forged = EventCodec.write(Map.of("instructionId", evil, "clientId", CLIENT,
                "payee", Map.of("name", "Attacker", "account", "40817810000000000666", "bankId", "044525225"),
                "amount", Map.of("amount", "99999.00", "currency", "RUB"), "purpose", "refund", "requestedExecutionDate", "2026-11-30"));
        for (String connector : CONNECTORS) {
            StompConnection.Frame answer = send(connector, Addresses.PAYMENT_INSTRUCTIONS, "ANYCAST", Map.of(), forged);
            assertThat(answer.isError()).as("%s sends an instruction: %s", connector, answer).isEqualTo(!connector.equals("connector-bank"));
        }
        await("the unsigned instruction refused by connector-bank").atMost(Duration.ofSeconds(30)).until(() ->
                hub.core("/api/operations/dead-letters?queue=" + Addresses.PAYMENT_INSTRUCTIONS_DLQ).contains("\"refused\":true"));
        RunningHub.post(hub.corePort, "/api/alerts/scan");
        assertThat(hub.core("/api/alerts")).contains("refused on " + Addresses.PAYMENT_INSTRUCTIONS_DLQ);

        // 3. a forged notification for the CRM: the broker lets no connector send one
        for (String connector : CONNECTORS) {
            assertThat(send(connector, Addresses.NOTIFICATIONS, "MULTICAST", Map.of(), "{\"type\": \"BALANCE_CHANGED\", \"clientId\": \""
                    + CLIENT + "\", \"forged\": \"FORGED-NOTIFICATION\"}").isError()).as("%s notifies", connector).isTrue();
        }

        // 4. reading what is not theirs: the events, other connectors' instructions and exports
        for (String connector : CONNECTORS) {
            try (StompConnection connection = stomp(connector)) {
                assertThat(connection.subscribe(Addresses.EVENTS).isError()).as("%s reads hub.events", connector).isTrue();
            }
            if (!connector.equals("connector-bank")) {
                try (StompConnection connection = stomp(connector)) {
                    assertThat(connection.subscribe(Addresses.PAYMENT_INSTRUCTIONS).isError()).as("%s reads instructions", connector).isTrue();
                }
            }
        }

        // 5. the broker's console and Jolokia belong to the operator's identity only
        assertThat(jolokia("connector-marketplace")).as("a connector in the console").isIn(401, 403);
        assertThat(jolokia("hub-operator")).as("the operator in the console").isEqualTo(200);

        // nothing moved, nothing paid again, no file, no forged webhook
        assertThat(bucket(CLIENT, "inFlight")).isEqualByComparingTo(inFlight);
        assertThat(payoutRun()).as("a payout run pays nothing again").doesNotContain("\"clientId\":\"" + CLIENT + "\"");
        assertThat(bankFiles()).as("no file of the forged instruction, the payout's once").noneMatch(f -> f.contains(evil))
                .containsOnlyOnce("pain001-" + instructionId + ".xml");
        assertThat(hub.crm.deliveries()).extracting(WebhookReceiver.Delivery::body).as("the CRM got the hub's own notifications")
                .anyMatch(n -> n.contains("\"" + CLIENT + "\"")).noneMatch(n -> n.contains("FORGED-NOTIFICATION"));
    }

    int jolokia(String identity) throws Exception {
        String basic = Base64.getEncoder().encodeToString((identity + ":" + StandaloneBroker.password(identity)).getBytes(StandardCharsets.UTF_8));
        return RunningHub.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.consolePort
                        + "/console/jolokia/read/org.apache.activemq.artemis:broker=%22settlehub%22/Version"))
                .header("Authorization", "Basic " + basic).header("Origin", "http://127.0.0.1").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void a_malformed_message_sent_as_stomp_libraries_send_it_is_dead_lettered_alone_and_its_neighbours_apply() throws Exception {
        String client = "trust-1";
        agreement(client);
        try (StompConnection marketplace = stomp("connector-marketplace")) {
            for (int i = 1; i <= 3; i++) {
                CanonicalEvent charge = event("trust:" + client + ":storage:" + i, EventType.MARKETPLACE_CHARGE, "ozon", client,
                        "2026-11-2" + i + "T10:00:00Z", new MarketplaceCharge("storage", rub("1.0" + i), null));
                // every frame carries content-length (a property name JMS cannot take) and destination-type
                assertThat(marketplace.send(Addresses.EVENTS, Map.of("destination-type", "ANYCAST", MessageHeaders.EVENT_TYPE,
                        "MARKETPLACE_CHARGE", MessageHeaders.GROUP_ID, client), EventCodec.encode(charge)).command()).isEqualTo("RECEIPT");
                if (i == 2) {
                    assertThat(marketplace.send(Addresses.EVENTS, Map.of("destination-type", "ANYCAST", MessageHeaders.EVENT_TYPE,
                            "MARKETPLACE_CHARGE", MessageHeaders.GROUP_ID, client), "{\"eventId\": \"trust:" + client + ":broken")
                            .command()).isEqualTo("RECEIPT");
                }
            }
        }
        await("the three charges applied").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> bucket(client, "available").compareTo(new BigDecimal("-3.06")) == 0);
        JsonNode dead = EventCodec.mapper().readTree(hub.core("/api/operations/dead-letters?queue=" + Addresses.EVENTS_DLQ));
        assertThat(dead.toString()).contains("trust:" + client + ":broken").contains("invalid event: malformed JSON")
                .contains("content-length");
        assertThat(EventCodec.mapper().readTree(hub.core("/api/operations/dead-letters?queue=DLQ"))).as("nothing in the catch-all DLQ")
                .isEmpty();
    }
}
