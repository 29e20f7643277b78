package io.settlehub.core.it;

import org.junit.jupiter.api.Tag;
import static io.settlehub.core.settlement.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.core.settlement.WorkedExample;
import io.settlehub.testsupport.WebhookReceiver;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * settlement-core over a real broker and a real database: events in on hub.events, figures out through the
 * public API, instructions out on hub.payments.instructions. Each test uses its own client, so they share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.operator-token=" + SettlementCoreTestBase.TOKEN)
@ActiveProfiles("test")
@Tag("integration")
abstract class SettlementCoreTestBase {

    static final String TOKEN = "test-operator-token-0123456789";
    static final String WEBHOOK_SECRET = "crm-webhook-secret-0123456789";
    static final WebhookReceiver CRM = WebhookReceiver.start();

    @org.springframework.test.context.DynamicPropertySource
    static void webhook(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("hub.notifications.webhooks[0].name", () -> "crm");
        registry.add("hub.notifications.webhooks[0].url", CRM::url);
        registry.add("hub.notifications.webhooks[0].secret", () -> WEBHOOK_SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    JmsTemplate jms;

    Identities identities;

    @Autowired
    void broker(io.settlehub.testsupport.HubTestBroker broker) {
        identities = new Identities(broker);
    }

    @Autowired
    io.settlehub.core.ledger.store.LedgerRepository ledger;

    @Autowired
    javax.sql.DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        return ApiCalls.call(port, method, path, body, token);
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = call("GET", path, null, TOKEN);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return EventCodec.mapper().readTree(response.body());
    }

    static String agreementJson() {
        return """
                {"name": "Acme Import", "commissionRate": "0.05", "commissionVatRate": "0.22", "payoutCurrency": "RUB",
                 "minimumPayout": "1000.00", "fxDifferenceBornBy": "CLIENT", "customsVatIsCost": true,
                 "bankAccount": {"holder": "Acme Import LLC", "account": "40702810900000000001", "bankId": "044525225",
                                 "taxId": "7701234567", "kpp": "770101001"}}""";
    }

    @Test
    void each_posting_names_the_event_of_its_own_order_in_a_batch_of_several_orders_and_platforms() throws Exception {
        String client = newClient();
        CanonicalEvent wbSale = new CanonicalEvent("wildberries:" + client + ":rrd:1", EventType.SALE, 1, "wildberries", client,
                Instant.parse("2026-03-02T08:00:00Z"), new io.settlehub.contract.EventPayload.Sale("WB-1", List.of(
                        new io.settlehub.contract.EventPayload.SaleLine("LAMP-01", 1, rub("2400.00"), rub("0.00"),
                                List.of(new io.settlehub.contract.EventPayload.Fee("commission", rub("600.00")))))));
        CanonicalEvent storage = new CanonicalEvent("wildberries:" + client + ":storage:1", EventType.MARKETPLACE_CHARGE, 1, "wildberries",
                client, Instant.parse("2026-03-03T08:00:00Z"), new io.settlehub.contract.EventPayload.MarketplaceCharge("storage",
                rub("50.00"), null));
        List<CanonicalEvent> batch = new java.util.ArrayList<>(List.of(wbSale));
        batch.addAll(workedExampleFor(client).stream().filter(e -> e.type() != EventType.MARKETPLACE_PAYOUT
                && e.type() != EventType.HOLD_PLACED).toList());
        batch.add(storage);

        settlement.ingest(batch); // one batch, as the consumer may take them

        String ozonSale = forClient(WorkedExample.sale(), client).eventId();
        List<io.settlehub.core.ledger.store.LedgerRepository.Movement> movements = ledger.movements(client, Instant.EPOCH,
                Instant.now().plusSeconds(60));
        assertThat(movements).isNotEmpty();
        for (var movement : movements) {
            String expected = movement.component().startsWith("order/ozon/" + ORDER + "/") ? ozonSale
                    : movement.component().startsWith("order/wildberries/WB-1/") ? wbSale.eventId()
                    : movement.component().startsWith("charge/") ? storage.eventId() : null;
            assertThat(movement.cause()).as("the event behind %s", movement.component()).isEqualTo(expected);
        }
        java.time.LocalDate today = java.time.LocalDate.now(io.settlehub.contract.BusinessCalendar.ZONE);
        String csv = call("GET", "/api/clients/" + client + "/reports/statement?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&format=csv", null, TOKEN).body();
        assertThat(csv).contains(ozonSale).contains(wbSale.eventId()).contains(storage.eventId()).doesNotContain("…");
    }

    @Test
    void an_agreement_names_a_bank_open_in_the_central_banks_directory() throws Exception {
        String client = "bik" + UUID.randomUUID().toString().substring(0, 8);
        for (var refused : java.util.Map.of(
                "044525123", "BIK 044525123 is not in the central bank's BIK directory of 2026-11-27",
                "044525999", "is closed in the central bank's BIK directory of 2026-11-27: left the payment system on 2026-06-01",
                "044525111", "licence revoked (LWRS) on 2026-11-20").entrySet()) {
            HttpResponse<String> put = call("PUT", "/api/clients/" + client, agreementJson().replace("044525225", refused.getKey()), TOKEN);
            assertThat(put.statusCode()).as(refused.getKey()).isEqualTo(400);
            assertThat(put.body()).as(refused.getKey()).contains("\"field\":\"bankAccount.bankId\"").contains(refused.getValue());
        }
        HttpResponse<String> badKpp = call("PUT", "/api/clients/" + client, agreementJson().replace("770101001", "7701-01"), TOKEN);
        assertThat(badKpp.body()).contains("\"field\":\"bankAccount.kpp\"");
        assertThat(call("GET", "/api/clients/" + client, null, TOKEN).statusCode()).as("nothing saved").isEqualTo(404);

        JsonNode alfa = get("/api/reference/bank-directory/044525593");
        assertThat(alfa.get("name").asText()).isEqualTo("АО \"АЛЬФА-БАНК\"");
        assertThat(alfa.get("correspondentAccount").asText()).isEqualTo("30101810200000000593");
        HttpResponse<String> older = ApiCalls.call(port, "PUT", "/api/reference/bank-directory",
                "<ED807 xmlns=\"urn:cbr-ru:ed:v2.0\" BusinessDay=\"2026-01-05\"><BICDirectoryEntry BIC=\"044525225\">"
                        + "<ParticipantInfo NameP=\"Old\"/></BICDirectoryEntry></ED807>", TOKEN, "application/xml");
        assertThat(older.statusCode()).isEqualTo(400);
        assertThat(older.body()).contains("the directory of 2026-01-05 is older than the one in force (2026-11-27)");
        assertThat(get("/api/reference/bank-directory/044525225").get("name").asText()).isEqualTo("ПАО Сбербанк");
    }

    String newClient() throws Exception {
        String client = "c" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> put = call("PUT", "/api/clients/" + client, agreementJson(), TOKEN);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return client;
    }

    /** The worked example's events, re-addressed to another client (reference data stays shared). */
    static List<CanonicalEvent> workedExampleFor(String client) {
        return WorkedExample.untilPayout().stream().map(e -> forClient(e, client)).toList();
    }

    static CanonicalEvent forClient(CanonicalEvent e, String client) {
        if (e.type() == EventType.FX_RATE) {
            return e;
        }
        return new CanonicalEvent(e.eventId().replace(":acme:", ":" + client + ":"), e.type(), 1, e.source(), client,
                e.occurredAt(), e.payload());
    }

    void send(String body, String eventType) {
        identities.publish(body, eventType);
    }

    void send(List<CanonicalEvent> events) {
        events.forEach(identities::publish);
    }

    /** The worked example until Ozon has paid the order in full: all 1,297.19 available. */
    void sendPaidInFull(String client) {
        List<CanonicalEvent> events = new java.util.ArrayList<>(workedExampleFor(client));
        events.add(forClient(holdReleased(), client));
        events.add(forClient(restOfPayout(), client));
        send(events);
        awaitBuckets(client, "0.00", "0.00", "1297.19", "0.00", "0.00");
    }

    void awaitBuckets(String client, String pending, String held, String available, String inFlight, String paid) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode balances = get("/api/clients/" + client + "/balances");
            assertThat(balances).hasSize(1);
            JsonNode rub = balances.get(0);
            assertThat(rub.get("currency").asText()).isEqualTo("RUB");
            assertThat(List.of(rub.get("pending").asText(), rub.get("held").asText(), rub.get("available").asText(),
                    rub.get("inFlight").asText(), rub.get("paid").asText()))
                    .as("pending, held, available, inFlight, paid")
                    .containsExactly(pending, held, available, inFlight, paid);
        });
    }

    @Autowired
    io.settlehub.core.settlement.service.SettlementService settlement;

    /**
     * Over the database, batches continued from checkpoints (decision 0010) leave exactly the components and parked
     * facts a full derivation of the same facts gives.
     */
    @Test
    void batches_continued_from_checkpoints_hold_what_a_full_derivation_holds() throws Exception {
        int suppliersOwed = 0;
        int ordersHolding = 0;
        int ordersSettled = 0;
        var discrepancyKinds = new java.util.TreeSet<io.settlehub.core.settlement.Discrepancies.Kind>();
        int readStored = 0;
        // the streams' rates are shared reference data: recorded once, whichever test ran before
        settlement.ingest(io.settlehub.core.settlement.IncrementalSettlementPropertiesTest.stream(new java.util.Random(1)).stream()
                .filter(e -> e.type() == EventType.FX_RATE).toList());
        for (long seed = 1; seed <= 4; seed++) {
            String client = newClient();
            java.util.Random random = new java.util.Random(seed);
            List<CanonicalEvent> stream = new java.util.ArrayList<>(io.settlehub.core.settlement.IncrementalSettlementPropertiesTest
                    .stream(random).stream().filter(e -> e.type() != EventType.FX_RATE).map(e -> forClient(e, client))
                    .sorted(java.util.Comparator.comparing(CanonicalEvent::occurredAt)).toList());
            java.util.Collections.swap(stream, stream.size() - 1, stream.size() / 2);
            int continued = 0;
            for (int i = 0; i < stream.size(); i += 1 + (i % 3)) {
                continued += settlement.ingest(stream.subList(i, Math.min(stream.size(), i + 1 + (i % 3)))).continued();
                assertTotalsKeptBesideOrdersMatchThem(client);
            }
            assertThat(continued).as("batches continued from a checkpoint, seed %d", seed).isPositive();
            var whole = settlement.settlementOf(client).orElseThrow();
            assertThat(io.settlehub.core.ledger.PostingPlan.index(ledger.components(client))).as("seed %d", seed).isEqualTo(
                    io.settlehub.core.ledger.PostingPlan.index(io.settlehub.core.settlement.SettlementPostings.of(whole).stream()
                            .filter(c -> !c.amount().isZero()).toList()));
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
            assertThat(jdbc.queryForList("select event_id || ': ' || reason from parked_event where client_id = ? and kind = 'WAITING'",
                    String.class, client)).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(
                    whole.parked().stream().map(p -> p.eventId() + ": " + p.reason()).toList());
            assertThat(jdbc.queryForObject("select count(*) from settlement_order where client_id = ?", Long.class, client))
                    .isEqualTo(whole.orders().size());
            for (var order : whole.orders()) {
                assertThat(settlement.orderOf(client, order.orderId())).as("order %s read alone", order.orderId()).contains(order);
            }
            // what the client's page lists is stored, not derived: it must be what a full derivation gives, order by order
            assertThat(orderFigures.latest(client, Integer.MAX_VALUE)).as("stored order figures, seed %d", seed)
                    .containsExactlyInAnyOrderElementsOf(whole.orders().stream().map(io.settlehub.core.settlement.OrderFigures::of).toList());
            var page = dashboard.of(client, 90);
            assertWaterfallAddsUpToBalances(client);
            assertThat(page.orders()).hasSize(Math.min(200, whole.orders().size()));
            assertThat(page.moreOrders()).isEqualTo(whole.orders().size() > 200);
            java.util.Map<java.time.LocalDate, java.math.BigDecimal> heldByDay = new java.util.TreeMap<>();
            whole.orders().stream().filter(o -> o.outstandingHold().signum() > 0).forEach(o -> heldByDay.merge(o.expectedRelease() == null
                    ? io.settlehub.core.settlement.store.HeldByReleaseRepository.NOT_GIVEN : io.settlehub.contract.BusinessCalendar.dateOf(o.expectedRelease()),
                    o.outstandingHold().amount(), java.math.BigDecimal::add));
            var stored = heldByRelease.of(client, "RUB");
            assertThat(stored.keySet()).as("days money is held until, seed %d", seed).isEqualTo(heldByDay.keySet());
            heldByDay.forEach((day, amount) -> assertThat(stored.get(day)).as("held until %s", day).isEqualByComparingTo(amount));
            java.util.Map<String, java.math.BigDecimal> pendingBySource = new java.util.TreeMap<>();
            whole.orders().stream().map(io.settlehub.core.settlement.OrderFigures::of).filter(o -> o.currency().equals("RUB"))
                    .forEach(o -> pendingBySource.merge(o.source(), o.pending().amount(), java.math.BigDecimal::add));
            pendingBySource.values().removeIf(amount -> amount.signum() == 0);
            var storedPending = this.pendingBySource.of(client, "RUB");
            assertThat(storedPending.keySet()).as("marketplaces owing the client, seed %d", seed).isEqualTo(pendingBySource.keySet());
            pendingBySource.forEach((source, amount) -> assertThat(storedPending.get(source)).as("pending at %s", source)
                    .isEqualByComparingTo(amount));
            assertThat(page.holds()).extracting(io.settlehub.core.dashboard.ClientDashboard.HoldRow::orderId)
                    .containsExactlyInAnyOrderElementsOf(whole.orders().stream().filter(o -> o.outstandingHold().signum() > 0)
                            .limit(200).map(io.settlehub.core.settlement.OrderSettlement::orderId).toList());
            assertBalanceDaysAddUpToBalances(client);
            // what a payout run pays suppliers from is stored too: the full derivation's dues, supplier by supplier, order by order
            var dues = supplierDues.of(client);
            var expected = io.settlehub.core.settlement.SupplierDue.of(whole);
            // a period's agent report reads the orders sold in it and its charges, not the client's whole history
            var periods = new java.util.TreeSet<java.time.YearMonth>();
            whole.orders().forEach(o -> periods.add(java.time.YearMonth.from(io.settlehub.contract.BusinessCalendar.dateOf(o.soldAt()))));
            for (var period : periods) {
                var chargeDates = facts.occurredAt(client, EventType.MARKETPLACE_CHARGE.name(),
                        io.settlehub.contract.BusinessCalendar.startOf(period), io.settlehub.contract.BusinessCalendar.startOf(period.plusMonths(1)));
                var part = settlement.periodOf(client, period).orElseThrow();
                var currencies = io.settlehub.core.accounting.AgentReports.currencies(whole, chargeDates, List.of(), period);
                assertThat(io.settlehub.core.accounting.AgentReports.currencies(part, chargeDates, List.of(), period)).isEqualTo(currencies);
                for (String currency : currencies) {
                    assertThat(io.settlehub.core.accounting.AgentReports.of(part, chargeDates, List.of(), period, currency))
                            .as("agent report %s %s, seed %d", period, currency, seed)
                            .isEqualTo(io.settlehub.core.accounting.AgentReports.of(whole, chargeDates, List.of(), period, currency));
                }
            }
            // the discrepancies read the settled state, the payouts, credits and declarations: what a full derivation finds
            var discrepancies = discrepancyReads.of(List.of(client));
            assertThat(discrepancies).as("discrepancies, seed %d", seed)
                    .containsExactlyInAnyOrderElementsOf(io.settlehub.core.settlement.Discrepancies.of(whole));
            readStored += jdbc.queryForObject("select count(*) from settlement_checkpoint where client_id = ? and unlisted_payouts = false",
                    Integer.class, client);
            discrepancyKinds.addAll(discrepancies.stream().map(io.settlehub.core.settlement.Discrepancies.Discrepancy::kind).toList());
            suppliersOwed += expected.size();
            ordersSettled += whole.orders().size();
            ordersHolding += heldByDay.size();
            assertThat(dues.keySet()).as("suppliers owed, seed %d", seed).isEqualTo(expected.keySet());
            expected.forEach((supplier, due) -> {
                assertThat(dues.get(supplier).owed()).isEqualTo(due.owed());
                assertThat(dues.get(supplier).charged()).isEqualTo(due.charged());
                assertThat(dues.get(supplier).orders()).containsExactlyInAnyOrderElementsOf(due.orders());
            });
        }
        assertThat(ordersSettled).as("the streams' orders settle").isPositive();
        assertThat(suppliersOwed).as("the streams leave suppliers owed").isPositive();
        assertThat(ordersHolding).as("the streams leave money held").isPositive();
        assertThat(readStored).as("clients whose discrepancies are read from the settled state").isPositive();
        assertThat(discrepancyKinds).as("the streams' discrepancies").contains(io.settlehub.core.settlement.Discrepancies.Kind.PAID_BEYOND_ORDER,
                io.settlehub.core.settlement.Discrepancies.Kind.CREDIT_MATCHES_NO_PAYOUT, io.settlehub.core.settlement.Discrepancies.Kind.PAYOUT_NOT_CREDITED);
        // what the operator's page and the feed-silence rule read per source is kept as facts are recorded: it is what
        // counting every recorded fact gives
        var counted = new org.springframework.jdbc.core.JdbcTemplate(dataSource).query(
                "select source, count(*), max(received_at), max(occurred_at) from event_fact group by source order by source",
                (rs, i) -> new io.settlehub.core.settlement.store.FactRepository.SourceSeen(rs.getString(1), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
        assertThat(counted).as("sources of the recorded facts").isNotEmpty();
        assertThat(facts.sources()).isEqualTo(counted);
    }

    @Test
    void a_rate_re_prices_only_the_clients_that_use_its_pair() throws Exception {
        String inUsd = newClient();
        String inRub = newClient();
        Instant day = Instant.parse("2026-03-04T09:00:00Z");
        java.util.function.BiFunction<String, String, CanonicalEvent> rate = (id, value) -> new CanonicalEvent(id, EventType.FX_RATE, 1,
                "cbr", null, day.minusSeconds(3600), new io.settlehub.contract.EventPayload.FxRate("USD", "RUB", new java.math.BigDecimal(value),
                java.time.LocalDate.of(2026, 3, 4), id.endsWith(":r2") ? 2 : null));
        java.util.function.BiFunction<String, String, List<CanonicalEvent>> goodsAndSale = (client, currency) -> List.of(
                new CanonicalEvent("1c:" + client + ":receipt:R-U", EventType.GOODS_RECEIVED, 1, "accounting", client, day.minusSeconds(86400),
                        new io.settlehub.contract.EventPayload.GoodsReceived("R-U", "shenzhen-lights", List.of(
                                new io.settlehub.contract.EventPayload.ReceiptLine("MUG-03", 10, io.settlehub.contract.Money.of(
                                        currency.equals("USD") ? "5.00" : "450.00", currency))))),
                mugSale(client, "U-1", day));
        String usdRate = "cbr:USD:RUB:2026-03-04:" + inUsd;
        settlement.ingest(List.of(rate.apply(usdRate, "90.0000")));
        settlement.ingest(goodsAndSale.apply(inUsd, "USD"));
        settlement.ingest(goodsAndSale.apply(inRub, "RUB"));
        assertThat(settlement.orderOf(inUsd, "U-1").orElseThrow().sum(io.settlehub.core.settlement.LineSettlement::landedCost))
                .isEqualTo(rub("450.00"));
        assertThat(ratePairs.of(inUsd)).contains("USD/RUB");
        assertThat(ratePairs.of(inRub)).doesNotContain("USD/RUB");

        // a corrected USD rate, with a sale of the client in roubles: that client continues from its checkpoint
        var result = settlement.ingest(List.of(rate.apply(usdRate + ":r2", "91.0000"), mugSale(inRub, "U-2", day.plusSeconds(60))));
        assertThat(result.continued()).as("the client in roubles continued, not re-derived").isEqualTo(1);
        assertThat(settlement.orderOf(inUsd, "U-1").orElseThrow().sum(io.settlehub.core.settlement.LineSettlement::landedCost))
                .as("the client in dollars re-priced").isEqualTo(rub("455.00"));
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        String version = referenceData.loadVersioned().version();
        for (String client : List.of(inUsd, inRub)) {
            assertThat(jdbc.queryForObject("select reference_version from settlement_checkpoint where client_id = ?", String.class, client))
                    .as("%s settled with the reference data now in force", client).isEqualTo(version);
            var whole = settlement.settlementOf(client).orElseThrow();
            assertThat(io.settlehub.core.ledger.PostingPlan.index(ledger.components(client))).as(client).isEqualTo(
                    io.settlehub.core.ledger.PostingPlan.index(io.settlehub.core.settlement.SettlementPostings.of(whole).stream()
                            .filter(c -> !c.amount().isZero()).toList()));
        }
    }

    private static CanonicalEvent mugSale(String client, String order, Instant at) {
        return new CanonicalEvent("ozon:" + client + ":sale:" + order, EventType.SALE, 1, "ozon", client, at,
                new io.settlehub.contract.EventPayload.Sale(order, List.of(new io.settlehub.contract.EventPayload.SaleLine("MUG-03", 1,
                        rub("1000.00"), rub("0.00"), List.of(new io.settlehub.contract.EventPayload.Fee("commission", rub("150.00")))))));
    }

    @Autowired
    io.settlehub.core.settlement.store.RatePairRepository ratePairs;
    @Autowired
    io.settlehub.core.settlement.store.ReferenceDataRepository referenceData;

    @Autowired
    io.settlehub.core.settlement.store.SupplierDueRepository supplierDues;
    @Autowired
    io.settlehub.core.settlement.service.DiscrepancyReads discrepancyReads;
    @Autowired
    io.settlehub.core.settlement.store.FactRepository facts;

    @Autowired
    io.settlehub.core.settlement.store.OrderFiguresRepository orderFigures;
    @Autowired
    io.settlehub.core.dashboard.ClientDashboard dashboard;
    @Autowired
    io.settlehub.core.alerts.AlertRepository alertRepository;
    @Autowired
    io.settlehub.core.alerts.RecordedFigures recordedFigures;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    io.settlehub.core.api.web.AlertWording alertWording;
    @Autowired
    io.settlehub.core.settlement.store.HeldByReleaseRepository heldByRelease;
    @Autowired
    io.settlehub.core.settlement.store.PendingBySourceRepository pendingBySource;
    @Autowired
    io.settlehub.core.outbox.OutboxRepository outboxRepository;

    /**
     * The page's balance waterfall: its lines add up, bucket by bucket, to its total, and the total is the ledger's
     * balance of each bucket; every currency with a balance has a waterfall.
     */
    void assertWaterfallAddsUpToBalances(String client) {
        var page = dashboard.of(client, 90);
        assertThat(page.waterfalls().stream().map(io.settlehub.core.dashboard.BalanceWaterfall::currency).toList())
                .containsExactlyElementsOf(page.balances().stream().map(b -> b.get("currency")).sorted().toList());
        for (var waterfall : page.waterfalls()) {
            for (var bucket : io.settlehub.core.ledger.Bucket.values()) {
                java.math.BigDecimal lines = waterfall.rows().stream().map(r -> r.in(bucket)).reduce(java.math.BigDecimal.ZERO,
                        java.math.BigDecimal::add);
                assertThat(lines).as("%s lines of %s", bucket, waterfall.currency()).isEqualByComparingTo(waterfall.total().in(bucket));
                assertThat(waterfall.total().in(bucket)).as("%s of %s", bucket, waterfall.currency())
                        .isEqualByComparingTo(ledger.creditBalance(io.settlehub.core.ledger.AccountKey.client(client, bucket, waterfall.currency())));
            }
        }
    }

    /**
     * What the cash-expected chart reads, kept as running totals beside the orders (held by expected release day, pending
     * by marketplace), is what the client's stored orders add up to, after every batch, continued or derived whole.
     */
    void assertTotalsKeptBesideOrdersMatchThem(String client) {
        java.util.Map<java.time.LocalDate, java.math.BigDecimal> held = new java.util.TreeMap<>();
        java.util.Map<String, java.math.BigDecimal> pending = new java.util.TreeMap<>();
        for (var order : orderFigures.latest(client, Integer.MAX_VALUE)) {
            if (order.currency().equals("RUB") && order.outstandingHold().signum() > 0) {
                held.merge(order.expectedRelease() == null ? io.settlehub.core.settlement.store.HeldByReleaseRepository.NOT_GIVEN
                        : io.settlehub.contract.BusinessCalendar.dateOf(order.expectedRelease()), order.outstandingHold().amount(),
                        java.math.BigDecimal::add);
            }
            if (order.currency().equals("RUB")) {
                pending.merge(order.source(), order.pending().amount(), java.math.BigDecimal::add);
            }
        }
        pending.values().removeIf(amount -> amount.signum() == 0);
        assertTotals("held by release day", heldByRelease.of(client, "RUB"), held);
        assertTotals("pending by marketplace", pendingBySource.of(client, "RUB"), pending);
    }

    private static <K> void assertTotals(String what, java.util.Map<K, java.math.BigDecimal> stored, java.util.Map<K, java.math.BigDecimal> orders) {
        assertThat(stored.keySet()).as(what).isEqualTo(orders.keySet());
        orders.forEach((key, amount) -> assertThat(stored.get(key)).as("%s: %s", what, key).isEqualByComparingTo(amount));
    }

    /** The days' movements the balance chart draws from add up, bucket group by bucket group, to the balances. */
    void assertBalanceDaysAddUpToBalances(String client) {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        for (var b : jdbc.queryForList("select currency, sum(owed) as owed, sum(paid) as paid from balance_day where client_id = ?"
                + " group by currency", client)) {
            String currency = (String) b.get("currency");
            java.math.BigDecimal owed = java.math.BigDecimal.ZERO;
            java.math.BigDecimal paid = java.math.BigDecimal.ZERO;
            for (var bucket : io.settlehub.core.ledger.Bucket.values()) {
                java.math.BigDecimal balance = ledger.creditBalance(io.settlehub.core.ledger.AccountKey.client(client, bucket, currency));
                if (bucket == io.settlehub.core.ledger.Bucket.PAID) {
                    paid = paid.add(balance);
                } else {
                    owed = owed.add(balance);
                }
            }
            assertThat((java.math.BigDecimal) b.get("owed")).as("owed in %s", currency).isEqualByComparingTo(owed);
            assertThat((java.math.BigDecimal) b.get("paid")).as("paid in %s", currency).isEqualByComparingTo(paid);
        }
    }

    @Test
    void the_worked_example_reproduces_through_the_broker_and_the_api() throws Exception {
        String client = newClient();
        send(workedExampleFor(client));
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");

        JsonNode order = get("/api/clients/" + client + "/orders/" + ORDER);
        assertThat(order.get("gross").asText()).isEqualTo("4790.00");
        assertThat(order.get("marketplaceFees").asText()).isEqualTo("868.50");
        assertThat(order.get("marketplaceNet").asText()).isEqualTo("3921.50");
        assertThat(order.get("serviceCommission").asText()).isEqualTo("239.50");
        assertThat(order.get("commissionVat").asText()).isEqualTo("52.69");
        assertThat(order.get("landedCost").asText()).isEqualTo("2332.12");
        assertThat(order.get("clientNet").asText()).isEqualTo("1297.19");

        JsonNode statement = get("/api/clients/" + client + "/statement?from=2020-01-01&to=2099-12-31");
        java.math.BigDecimal available = java.math.BigDecimal.ZERO;
        for (JsonNode movement : statement) {
            if (movement.get("bucket").asText().equals("available")) {
                available = available.add(new java.math.BigDecimal(movement.get("amount").get("amount").asText()));
            }
        }
        assertThat(available).as("the statement's available movements add up to the balance").isEqualByComparingTo("1037.75");
        assertThat(statement.toString()).contains("order/ozon/" + ORDER + "/available");
        assertThat(call("GET", "/api/clients/" + client + "/statement?from=2026-04-01&to=2026-03-01", null, TOKEN).body())
                .contains("\"field\":\"to\"");
        assertThat(call("GET", "/api/clients/" + client + "/statement?from=yesterday&to=2026-03-01", null, TOKEN).statusCode())
                .isEqualTo(400);

        java.math.BigDecimal[] totals = ledger.totals();
        assertThat(totals[0]).as("all debits equal all credits").isEqualByComparingTo(totals[1]);
        assertThat(ledger.creditBalance(io.settlehub.core.ledger.AccountKey.clearing(client, "RUB")))
                .as("the clearing account nets to zero").isEqualByComparingTo("0");
        assertThat(ledger.creditBalance(io.settlehub.core.ledger.AccountKey.hub(io.settlehub.core.ledger.HubAccount.COMMISSION, "RUB"))).isPositive();
        assertBalanceDaysAddUpToBalances(client);
        assertWaterfallAddsUpToBalances(client);
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "select count(*) from balance_day where client_id = ?", Long.class, client)).isPositive();
    }

    @Test
    void the_same_stream_delivered_twice_gives_the_same_balances_as_once() throws Exception {
        String client = newClient();
        List<CanonicalEvent> events = workedExampleFor(client);
        send(events);
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
        send(events);
        send(List.of(forClient(returnOfOneLamp(), client)));
        awaitBuckets(client, "0.00", "0.00", "307.50", "0.00", "0.00");
        assertThat(get("/api/reconciliation/discrepancies").toString())
                .contains("\"clientId\":\"" + client + "\"").contains("PAID_BEYOND_ORDER").contains("1371.45");
        JsonNode order = get("/api/clients/" + client + "/orders/" + ORDER);
        assertThat(order.get("marketplaceClawsBack").asText()).isEqualTo("1371.45");
        assertThat(order.get("eventIds").toString()).contains("ozon:" + client + ":return:" + ORDER + ":1");
        assertThat(order.get("lines").get(0).get("lots").get(0).get("rate").asText()).isEqualTo("12.8000");
        assertThat(order.get("lines").get(0).get("lots").get(0).get("unitLogistics").asText()).as("at the rouble's scale").isEqualTo("300.00");
        send(events);
        CanonicalEvent marker = forClient(WorkedExample.event("ozon:acme:charge:marker", EventType.MARKETPLACE_CHARGE, "ozon",
                "2026-03-21T10:00:00Z", new io.settlehub.contract.EventPayload.MarketplaceCharge("storage", rub("7.50"), null)), client);
        send(List.of(marker));
        awaitBuckets(client, "0.00", "0.00", "300.00", "0.00", "0.00");
    }

    @Test
    void an_agreement_change_re_settles_from_the_journal_with_new_transfers_only() throws Exception {
        String client = newClient();
        send(workedExampleFor(client));
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        String count = "select count(*) from transfer where client_id = ?";
        long before = jdbc.queryForObject(count, Long.class, client);

        // the same agreement again: rebuilt from the journal, nothing to post
        assertThat(call("PUT", "/api/clients/" + client, agreementJson(), TOKEN).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(count, Long.class, client)).isEqualTo(before);

        // a higher commission: commission 287.40, its VAT 63.23, client net 1238.75
        assertThat(call("PUT", "/api/clients/" + client, agreementJson().replace("\"0.05\"", "\"0.06\""), TOKEN).statusCode())
                .isEqualTo(200);
        awaitBuckets(client, "0.00", "247.75", "991.00", "0.00", "0.00");
        assertThat(get("/api/clients/" + client + "/orders/" + ORDER).get("clientNet").asText()).isEqualTo("1238.75");
        assertThat(jdbc.queryForObject(count, Long.class, client)).isGreaterThan(before);
    }

    @Test
    void events_of_a_client_without_agreement_are_parked_and_apply_once_the_agreement_arrives() throws Exception {
        String client = "late" + UUID.randomUUID().toString().substring(0, 8);
        send(workedExampleFor(client));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/api/parked-events").toString())
                .contains("unknown client '" + client + "': no agreement yet"));
        assertThat(call("GET", "/api/clients/" + client + "/balances", null, TOKEN).statusCode()).isEqualTo(404);

        assertThat(call("PUT", "/api/clients/" + client, agreementJson(), TOKEN).statusCode()).isEqualTo(200);
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
        assertThat(get("/api/parked-events").toString()).doesNotContain(client);
    }

    @Test
    void an_agreement_version_applies_from_its_date_and_a_recalculation_reports_what_moved() throws Exception {
        String client = newClient();
        send(workedExampleFor(client));
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
        String six = agreementJson().replace("\"0.05\"", "\"0.06\"");
        // a version from the day after the sale leaves it alone; one from the sale's day re-prices it
        assertThat(call("PUT", "/api/clients/" + client, six.replace("{\"name\"", "{\"effectiveFrom\": \"2026-03-03\", \"name\""),
                TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/clients/" + client + "/orders/" + ORDER).get("clientNet").asText()).isEqualTo("1297.19");
        assertThat(get("/api/clients/" + client).get("commissionRate").asText()).isEqualTo("0.06");
        assertThat(call("PUT", "/api/clients/" + client, six.replace("{\"name\"", "{\"effectiveFrom\": \"2026-03-02\", \"name\""),
                TOKEN).statusCode()).isEqualTo(200);
        awaitBuckets(client, "0.00", "247.75", "991.00", "0.00", "0.00");

        // reference data changed behind the hub's back (a corrected VAT table): a recalculation re-derives and reports it
        String noVat = agreementJson().replace("\"commissionVatRate\": \"0.22\", ", "");
        assertThat(call("PUT", "/api/clients/" + client, noVat, TOKEN).statusCode()).isEqualTo(200);
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        jdbc.update("insert into vat_rate (country, valid_from, rate) values ('RU', date '2026-03-01', 0.2500)");
        try {
            JsonNode report = EventCodec.mapper().readTree(call("POST", "/api/clients/" + client + "/recalculate?from=2026-03-01",
                    null, TOKEN).body());
            assertThat(report.get("orders")).hasSize(1);
            assertThat(report.get("orders").get(0).get("clientNetBefore").get("amount").asText()).isEqualTo("1297.19");
            assertThat(report.get("orders").get(0).get("clientNetAfter").get("amount").asText()).isEqualTo("1290.00");
            awaitBuckets(client, "0.00", "258.00", "1032.00", "0.00", "0.00");
        } finally {
            jdbc.update("delete from vat_rate where valid_from = date '2026-03-01'");
        }
        assertThat(call("POST", "/api/clients/" + client + "/recalculate?from=March", null, TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void invalid_messages_go_to_the_dead_letter_queue_with_the_reason_and_the_rest_flows() throws Exception {
        String client = newClient();
        send("{not json", "SALE");
        String negative = EventCodec.encode(forClient(sale(), client)).replace("\"quantity\":2", "\"quantity\":-2");
        send(negative, "SALE");
        send(workedExampleFor(client));
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");

        jms.setReceiveTimeout(5000);
        java.util.Set<String> reasons = new java.util.HashSet<>();
        String expected = "invalid event: payload.lines[0].quantity: must be a positive integer, was -2";
        for (int i = 0; i < 50 && !(reasons.contains(expected) && reasons.stream().anyMatch(r -> r.startsWith("invalid event: malformed"))); i++) {
            Message dead = jms.receive(Addresses.EVENTS_DLQ);   // other tests of this context may have dead letters there too
            assertThat(dead).as("dead letter %d", i).isNotNull();
            reasons.add(dead.getStringProperty(MessageHeaders.FAILURE_REASON));
        }
        assertThat(reasons).anyMatch(r -> r.startsWith("invalid event: malformed JSON"));
        assertThat(reasons).contains(expected);
    }

    @Test
    void a_conflicting_redelivery_is_parked_and_changes_nothing() throws Exception {
        String client = newClient();
        send(workedExampleFor(client));
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
        String changed = EventCodec.encode(forClient(hold(), client)).replace("784.30", "900.00");
        send(changed, "HOLD_PLACED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/api/parked-events").toString())
                .contains("ozon:" + client + ":hold:" + ORDER).contains("conflict"));
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
    }

    @Test
    void a_payout_run_moves_available_to_in_flight_and_publishes_one_instruction() throws Exception {
        String client = newClient();
        sendPaidInFull(client);

        JsonNode run = EventCodec.mapper().readTree(call("POST", "/api/payouts/run", null, TOKEN).body());
        JsonNode mine = null;
        for (JsonNode instruction : run) {
            if (instruction.get("clientId").asText().equals(client)) {
                mine = instruction;
            }
        }
        assertThat(mine).as("instruction for %s in %s", client, run).isNotNull();
        assertThat(mine.get("amount")).as("money in the contract's form")
                .isEqualTo(EventCodec.mapper().readTree("{\"amount\": \"1297.19\", \"currency\": \"RUB\"}"));
        awaitBuckets(client, "0.00", "0.00", "0.00", "1297.19", "0.00");
        String instructionId = mine.get("instructionId").asText();

        JmsTemplate bank = identities.as("connector-bank");
        bank.setReceiveTimeout(10_000);
        PaymentInstruction published = null;
        for (int i = 0; i < 20 && published == null; i++) {
            Message message = bank.receive(Addresses.PAYMENT_INSTRUCTIONS);
            assertThat(message).as("an instruction on the queue").isNotNull();
            PaymentInstruction candidate = PaymentInstruction.fromJson(((TextMessage) message).getText());
            if (candidate.instructionId().equals(instructionId)) {
                published = candidate;
                assertThat(message.getStringProperty("JMSXGroupID")).isEqualTo(client);
            }
        }
        assertThat(published.payee().account()).isEqualTo("40702810900000000001");
        assertThat(published.payee().kpp()).isEqualTo("770101001");
        // the bank's name and correspondent account come from the central bank's BIK directory, not the agreement
        assertThat(published.payee().bankName()).isEqualTo("ПАО Сбербанк");
        assertThat(published.payee().correspondentAccount()).isEqualTo("30101810400000000225");
        assertThat(published.purpose()).isEqualTo("Перечисление выручки от продаж на маркетплейсах за вычетом вознаграждения агента, "
                + "Acme Import. НДС не облагается");

        JsonNode again = EventCodec.mapper().readTree(call("POST", "/api/payouts/run", null, TOKEN).body());
        assertThat(again.toString()).doesNotContain(client);

        send(List.of(new CanonicalEvent("bank:" + instructionId + ":BOOKED", EventType.PAYMENT_STATUS, 1, "bank", client,
                Instant.parse("2026-04-03T10:00:00Z"), new PaymentStatus(instructionId, "BOOKED", null,
                Instant.parse("2026-04-03T10:00:00Z"), rub("1297.19")))));
        awaitBuckets(client, "0.00", "0.00", "0.00", "0.00", "1297.19");
        JsonNode payments = get("/api/clients/" + client + "/payments");
        assertThat(payments.get(0).get("status").asText()).isEqualTo("BOOKED");
        assertThat(payments.get(0).get("amount").get("amount").isTextual()).isTrue();
        assertThat(payments.get(0).get("history")).hasSize(2);

        // once its retention has passed, the outbox forgets what it published, the instruction among it, on either database
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        Instant cutoff = Instant.now();
        long sent = jdbc.queryForObject("select count(*) from outbox where published_at < ?", Long.class, java.sql.Timestamp.from(cutoff));
        assertThat(sent).isPositive();
        var retention = new io.settlehub.core.outbox.OutboxRetention(outboxRepository, java.time.Duration.ofDays(7),
                java.time.Clock.fixed(cutoff.plus(java.time.Duration.ofDays(7)), java.time.ZoneOffset.UTC));
        assertThat(retention.forgetPublished()).isGreaterThanOrEqualTo((int) sent);
        assertThat(jdbc.queryForObject("select count(*) from outbox where published_at < ?", Long.class, java.sql.Timestamp.from(cutoff)))
                .isZero();
    }

    @Test
    void the_supplier_is_paid_in_cny_once_and_the_fx_difference_is_charged_to_the_client() throws Exception {
        String client = newClient();
        assertThat(call("PUT", "/api/suppliers/shenzhen-lights", "{\"name\": \"Shenzhen Bright Lights\", \"currency\": \"CNY\","
                + " \"bankAccount\": {\"account\": \"44332211009988776655\", \"bankId\": \"BKCHCNBJ45A\", \"country\": \"CN\","
                + " \"localBankCode\": \"104584000003\"}, \"contract\": {\"number\": \"SZ-2026/17\", \"date\": \"2026-01-15\","
                + " \"registeredNumber\": \"26010001/1481/0000/2/1\", \"currencyOperationCode\": \"11200\"}}", TOKEN).statusCode())
                .isEqualTo(200);
        sendPaidInFull(client);

        JsonNode run = EventCodec.mapper().readTree(call("POST", "/api/payouts/run", null, TOKEN).body());
        JsonNode toSupplier = null;
        for (JsonNode instruction : run) {
            if (instruction.get("clientId").asText().equals(client) && instruction.get("amount").get("currency").asText().equals("CNY")) {
                toSupplier = instruction;
            }
        }
        assertThat(toSupplier).as("a CNY instruction to the supplier in %s", run).isNotNull();
        assertThat(toSupplier.get("amount").get("amount").asText()).isEqualTo("100.00");
        assertThat(toSupplier.get("payee").get("bankId").asText()).isEqualTo("BKCHCNBJ45A");
        assertThat(toSupplier.get("foreignTrade").get("currencyOperationCode").asText()).isEqualTo("11200");
        assertThat(toSupplier.get("foreignTrade").get("localBankCode").asText()).isEqualTo("104584000003");
        assertThat(call("POST", "/api/payouts/run", null, TOKEN).body()).doesNotContain(client);

        String supplierInstruction = toSupplier.get("instructionId").asText();
        Instant at = Instant.parse("2026-04-10T10:00:00Z");
        send(List.of(new CanonicalEvent("bank:" + supplierInstruction + ":BOOKED", EventType.PAYMENT_STATUS, 1, "bank", client, at,
                new PaymentStatus(supplierInstruction, "BOOKED", null, at, rub("1300.00")))));
        // the bank debited 1,300.00 RUB for goods the client was charged 1,280.00: the client bears 20.00
        awaitBuckets(client, "0.00", "0.00", "-20.00", "1297.19", "0.00");
        assertWaterfallAddsUpToBalances(client);
        var rub = dashboard.of(client, 90).waterfalls().get(0);
        assertThat(rub.rows()).extracting(r -> r.line().key()).containsExactly("orders", "fx-differences", "payouts");
        assertThat(rub.rows().get(1).in(io.settlehub.core.ledger.Bucket.AVAILABLE)).as("the FX difference the client bears")
                .isEqualByComparingTo("-20.00");
        JsonNode order = get("/api/clients/" + client + "/orders/" + WorkedExample.ORDER);
        JsonNode part = order.get("supplierPayments").get(0);
        assertThat(List.of(part.get("instructionId").asText(), part.get("amount").asText(), part.get("currency").asText(),
                part.get("charged").asText(), part.get("bookedOn").asText(), part.get("fxDifference").asText(),
                part.get("fxDifferenceBornBy").asText()))
                .containsExactly(supplierInstruction, "100.00", "CNY", "1280.00", "2026-04-10", "20.00", "CLIENT");
        assertThat(order.get("clientNetAfterFxDifference").asText()).isEqualTo("1277.19");
    }

    @Test
    void a_supplier_payment_priced_by_a_rate_is_re_priced_when_its_booking_day_rate_is_published_late() throws Exception {
        String client = newClient();
        call("PUT", "/api/suppliers/shenzhen-lights", "{\"name\": \"Shenzhen Bright Lights\", \"currency\": \"CNY\","
                + " \"bankAccount\": {\"account\": \"44332211009988776655\", \"bankId\": \"BKCHCNBJ45A\"}}", TOKEN);
        sendPaidInFull(client);
        String supplierInstruction = null;
        for (JsonNode instruction : EventCodec.mapper().readTree(call("POST", "/api/payouts/run", null, TOKEN).body())) {
            if (instruction.get("clientId").asText().equals(client) && instruction.get("amount").get("currency").asText().equals("CNY")) {
                supplierInstruction = instruction.get("instructionId").asText();
            }
        }
        assertThat(supplierInstruction).isNotNull();
        // booked on 2026-05-20 without the debited amount: priced at the latest rate then known, 12.80 (2026-03-02): no difference
        Instant bookedAt = Instant.parse("2026-05-20T10:00:00Z");
        send(List.of(new CanonicalEvent("bank:" + supplierInstruction + ":BOOKED", EventType.PAYMENT_STATUS, 1, "bank", client,
                bookedAt, new PaymentStatus(supplierInstruction, "BOOKED", null, bookedAt, null))));
        String instruction = supplierInstruction;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/api/clients/" + client + "/orders/"
                + WorkedExample.ORDER).get("supplierPayments").get(0).path("fxDifference").asText()).isEqualTo("0.00"));
        awaitBuckets(client, "0.00", "0.00", "0.00", "1297.19", "0.00");

        // the central bank's rate of the booking day arrives late: 100 CNY × 13.10 = 1,310.00 against 1,280.00 charged
        send(List.of(new CanonicalEvent("cbr:CNY:RUB:2026-05-20", EventType.FX_RATE, 1, "cbr", null, bookedAt.minusSeconds(3600),
                new io.settlehub.contract.EventPayload.FxRate("CNY", "RUB", new java.math.BigDecimal("13.1000"),
                        java.time.LocalDate.of(2026, 5, 20), null))));
        awaitBuckets(client, "0.00", "0.00", "-30.00", "1297.19", "0.00");
        assertWaterfallAddsUpToBalances(client);
        JsonNode order = get("/api/clients/" + client + "/orders/" + WorkedExample.ORDER);
        assertThat(order.get("supplierPayments").get(0).get("fxDifference").asText()).isEqualTo("30.00");
        assertThat(order.get("fxDifferenceToClient").asText()).isEqualTo("30.00");
        assertThat(order.get("clientNetAfterFxDifference").asText()).isEqualTo("1267.19");
        assertThat(order.get("supplierPayments").get(0).get("instructionId").asText()).isEqualTo(instruction);
    }

    @Test
    void a_rejected_payment_goes_back_to_available_with_the_reason_kept() throws Exception {
        String client = newClient();
        List<CanonicalEvent> events = new java.util.ArrayList<>(workedExampleFor(client));
        send(events);
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
        call("POST", "/api/payouts/run", null, TOKEN);
        awaitBuckets(client, "0.00", "259.44", "0.00", "1037.75", "0.00");
        String instructionId = get("/api/clients/" + client + "/payments").get(0).get("instructionId").asText();
        Instant at = Instant.parse("2026-04-03T10:00:00Z");
        send(List.of(
                new CanonicalEvent("bank:" + instructionId + ":ACCEPTED", EventType.PAYMENT_STATUS, 1, "bank", client, at,
                        new PaymentStatus(instructionId, "ACCEPTED", null, null, null)),
                new CanonicalEvent("bank:" + instructionId + ":REJECTED", EventType.PAYMENT_STATUS, 1, "bank", client,
                        at.plusSeconds(60), new PaymentStatus(instructionId, "REJECTED", "AC04 closed account", null, null))));
        awaitBuckets(client, "0.00", "259.44", "1037.75", "0.00", "0.00");
        assertWaterfallAddsUpToBalances(client);
        JsonNode payment = get("/api/clients/" + client + "/payments").get(0);
        assertThat(payment.get("status").asText()).isEqualTo("REJECTED");
        assertThat(payment.get("history").toString()).contains("ACCEPTED").contains("AC04 closed account");
    }

    @Test
    void bad_api_input_answers_400_with_the_field_named_and_no_token_answers_401() throws Exception {
        HttpResponse<String> noToken = call("GET", "/api/parked-events", null, null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"settlehub\"");
        assertThat(call("GET", "/api/parked-events", null, "not-a-token-of-ours-0123456789").headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"settlehub\", error=\"invalid_token\"");
        HttpResponse<String> wrongRate = call("PUT", "/api/clients/bad", agreementJson().replace("\"0.05\"", "\"five\""), TOKEN);
        assertThat(wrongRate.statusCode()).isEqualTo(400);
        assertThat(EventCodec.mapper().readTree(wrongRate.body()).get("field").asText()).isEqualTo("commissionRate");
        HttpResponse<String> badCurrency = call("PUT", "/api/clients/bad", agreementJson().replace("\"RUB\"", "\"ABC\""), TOKEN);
        assertThat(badCurrency.statusCode()).isEqualTo(400);
        assertThat(badCurrency.body()).contains("payoutCurrency").contains("unknown currency 'ABC'");
        HttpResponse<String> missing = call("PUT", "/api/suppliers/shenzhen", "{\"name\": \"Shenzhen Lights\"}", TOKEN);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("currency: is required");
        HttpResponse<String> garbage = call("PUT", "/api/clients/bad", "{{", TOKEN);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/clients/nobody/balances", null, TOKEN).statusCode()).isEqualTo(404);
        HttpResponse<String> negativeDuty = call("PUT", "/api/reference/duty-rates/LAMP-01",
                "{\"validFrom\": \"2026-01-01\", \"rate\": \"-0.10\"}", TOKEN);
        assertThat(negativeDuty.statusCode()).isEqualTo(400);
        assertThat(negativeDuty.body()).contains("rate").contains("-0.10");
    }

    @Test
    void a_declaration_that_differs_from_the_dated_tariff_is_a_discrepancy_an_operator_sees() throws Exception {
        String client = newClient();
        HttpResponse<String> put = call("PUT", "/api/reference/duty-rates/VASE-07", "{\"validFrom\": \"2026-01-01\", \"rate\": \"0.10\"}",
                TOKEN);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(get("/api/reference/duty-rates").get("VASE-07").toString()).contains("2026-01-01");
        Instant at = Instant.parse("2026-02-03T08:00:00Z");
        // duty 900.00 declared on a customs value of 10,000.00 at 10 %: 100.00 short of the tariff; VAT 22 % of 10,900.00 is right
        send(List.of(
                new CanonicalEvent("1c:" + client + ":receipt:R-9", EventType.GOODS_RECEIVED, 1, "accounting", client, at.minusSeconds(86400),
                        new io.settlehub.contract.EventPayload.GoodsReceived("R-9", "shenzhen-lights", List.of(
                                new io.settlehub.contract.EventPayload.ReceiptLine("VASE-07", 10, io.settlehub.contract.Money.of("80.00", "CNY"))))),
                new CanonicalEvent("customs:" + client + ":D-9", EventType.CUSTOMS_ASSESSED, 1, "customs", client, at,
                        new io.settlehub.contract.EventPayload.CustomsAssessed("D-9", "R-9", List.of(
                                new io.settlehub.contract.EventPayload.CustomsLine("VASE-07", 10, rub("10000.00"), rub("900.00"),
                                        rub("2398.00"), rub("0.00"))), null))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode found = null;
            for (JsonNode d : get("/api/reconciliation/discrepancies")) {
                if (d.get("clientId").asText().equals(client)) {
                    found = d;
                }
            }
            assertThat(found).isNotNull();
            assertThat(found.get("kind").asText()).isEqualTo("CUSTOMS_DIFFERS_FROM_TARIFF");
            assertThat(found.get("amount").get("amount").asText()).isEqualTo("-100.00");
            assertThat(found.get("explanation").asText()).contains("duty declared 900.00 RUB").contains("1000.00 RUB");
        });
    }

    @Test
    void closing_a_period_issues_the_agent_report_and_payouts_once_and_a_recalculation_issues_corrected_versions() throws Exception {
        String client = newClient();
        sendPaidInFull(client);
        JsonNode run = EventCodec.mapper().readTree(call("POST", "/api/payouts/run", null, TOKEN).body());
        String instructionId = null;
        for (JsonNode instruction : run) {
            if (instruction.get("clientId").asText().equals(client)) {
                instructionId = instruction.get("instructionId").asText();
            }
        }
        // as if the run had happened in March
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                "update payment_instruction set created_at = ? where instruction_id = ?",
                java.sql.Timestamp.from(Instant.parse("2026-03-25T09:00:00Z")), instructionId);

        JsonNode closed = close("2026-03");
        String report = "agent-report:" + client + ":2026-03:RUB";
        assertThat(issuedFor(closed, client)).containsExactlyInAnyOrder(report + " v1", "payment:" + instructionId + " v1");
        JsonNode published = exported(report, 1);
        JsonNode totals = published.get("agentReport").get("totals");
        assertThat(totals.get("clientNet").get("amount").asText()).isEqualTo("1297.19");
        assertThat(totals.get("serviceCommission").get("amount").asText()).isEqualTo("239.50");
        assertThat(totals.get("commissionVat").get("amount").asText()).isEqualTo("52.69");
        assertThat(totals.get("paidOut").get("amount").asText()).isEqualTo("1297.19");
        assertThat(published.get("documentDate").asText()).isEqualTo("2026-03-31");
        JsonNode payout = exported("payment:" + instructionId, 1);
        assertThat(payout.get("type").asText()).isEqualTo("PAYOUT");
        assertThat(payout.get("payment").get("amount").get("amount").asText()).isEqualTo("1297.19");

        assertThat(issuedFor(close("2026-03"), client)).as("closing again issues nothing new").isEmpty();

        // a commission of 6 % from the sale's day, then a recalculation: March's report is issued again, corrected
        String six = agreementJson().replace("\"0.05\"", "\"0.06\"");
        assertThat(call("PUT", "/api/clients/" + client, six.replace("{\"name\"", "{\"effectiveFrom\": \"2026-03-01\", \"name\""),
                TOKEN).statusCode()).isEqualTo(200);
        JsonNode recalculated = EventCodec.mapper().readTree(call("POST", "/api/clients/" + client + "/recalculate?from=2026-03-01",
                null, TOKEN).body());
        assertThat(recalculated.get("documents").toString()).contains(report).doesNotContain("payment:");
        JsonNode corrected = exported(report, 2);
        assertThat(corrected.get("agentReport").get("totals").get("serviceCommission").get("amount").asText()).isEqualTo("287.40");
        assertThat(corrected.get("agentReport").get("totals").get("clientNet").get("amount").asText()).isEqualTo("1238.75");
        assertThat(get("/api/accounting/documents?clientId=" + client)).hasSize(3);

        assertThat(call("POST", "/api/accounting/close?period=2026-13", null, TOKEN).statusCode()).isEqualTo(400);
        HttpResponse<String> future = call("POST", "/api/accounting/close?period=2999-01", null, TOKEN);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("2999-01 has not begun");
        assertThat(corrected.has("provisional")).as("March has ended: the report is final").isFalse();
    }

    JsonNode close(String period) throws Exception {
        HttpResponse<String> response = call("POST", "/api/accounting/close?period=" + period, null, TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventCodec.mapper().readTree(response.body());
    }

    static List<String> issuedFor(JsonNode closed, String client) {
        List<String> issued = new java.util.ArrayList<>();
        closed.get("issued").forEach(d -> {
            if (d.get("clientId").asText().equals(client)) {
                issued.add(d.get("documentId").asText() + " v" + d.get("version").asInt());
            }
        });
        return issued;
    }

    /** The document version as published on hub.accounting.exports (other tests' documents are passed over). */
    JsonNode exported(String documentId, int version) throws Exception {
        JmsTemplate accounting = identities.as("connector-accounting");
        accounting.setReceiveTimeout(10_000);
        for (int i = 0; i < 50; i++) {
            Message message = accounting.receive(Addresses.ACCOUNTING_EXPORTS);
            assertThat(message).as("document %s v%d on %s", documentId, version, Addresses.ACCOUNTING_EXPORTS).isNotNull();
            JsonNode document = EventCodec.mapper().readTree(((TextMessage) message).getText());
            if (document.get("documentId").asText().equals(documentId) && document.get("version").asInt() == version) {
                assertThat(message.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(documentId + ":v" + version);
                ContractSchemas.assertValid("accounting-document", document);
                return document;
            }
        }
        throw new AssertionError("document " + documentId + " v" + version + " was not published");
    }


    @Test
    void a_notification_its_webhook_never_took_is_dead_lettered_and_replayed_to_that_webhook() throws Exception {
        String client = newClient();
        CRM.failNext(11);   // the first try and every redelivery (hub.notifications.max-redeliveries, 10)
        send(List.of(forClient(WorkedExample.event("ozon:acme:charge:webhook-dlq", EventType.MARKETPLACE_CHARGE, "ozon",
                "2026-03-21T10:00:00Z", new io.settlehub.contract.EventPayload.MarketplaceCharge("storage", rub("2.50"), null)), client)));
        String queue = io.settlehub.core.notify.WebhookRoute.DEAD_LETTERS;
        JsonNode dead = await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/operations/dead-letters?queue=" + queue),
                letters -> letters.size() > 0).get(0);
        assertThat(dead.get("failureReason").asText()).startsWith("webhook crm failed after retries");
        String notificationId = EventCodec.mapper().readTree(dead.get("body").asText()).get("notificationId").asText();

        assertThat(call("POST", "/api/operations/dead-letters/replay?queue=" + queue, null, TOKEN).body()).contains("\"replayed\":1");
        CRM.await(n -> n.get("notificationId").asText().equals(notificationId));
        assertThat(get("/api/operations/dead-letters?queue=" + queue)).isEmpty();
    }

    @Test
    void balance_and_payment_status_changes_reach_the_webhook_signed_with_its_secret_through_its_outage() throws Exception {
        String client = newClient();
        int failedBefore = CRM.failedDeliveries();
        CRM.failNext(3);
        sendPaidInFull(client);
        JsonNode balance = CRM.await(n -> n.get("type").asText().equals("BALANCE_CHANGED") && n.get("clientId").asText().equals(client)
                && n.get("balances").get(0).get("available").asText().equals("1297.19"));
        assertThat(balance.get("balances").get(0).get("currency").asText()).isEqualTo("RUB");
        assertThat(CRM.failedDeliveries() - failedBefore).as("answered 503 three times, then delivered").isEqualTo(3);

        call("POST", "/api/payouts/run", null, TOKEN);
        JsonNode created = CRM.await(n -> n.get("type").asText().equals("PAYMENT_STATUS_CHANGED") && n.get("clientId").asText().equals(client));
        assertThat(created.get("amount").get("amount").asText()).isEqualTo("1297.19");
        CRM.await(n -> n.get("type").asText().equals("BALANCE_CHANGED") && n.get("clientId").asText().equals(client)
                && n.get("balances").get(0).get("inFlight").asText().equals("1297.19"));

        ContractSchemas.assertValid("notification", balance);
        ContractSchemas.assertValid("notification", created);
        for (WebhookReceiver.Delivery delivery : CRM.deliveries()) {
            assertThat(delivery.signature()).isEqualTo("sha256=" + io.settlehub.core.notify.WebhookSender.signature(WEBHOOK_SECRET,
                    delivery.timestamp(), delivery.body()));
        }
    }


    @Test
    void reports_open_as_csv_xlsx_and_pdf_with_the_figures_of_the_api() throws Exception {
        String client = newClient();
        sendPaidInFull(client);
        call("POST", "/api/payouts/run", null, TOKEN);
        awaitBuckets(client, "0.00", "0.00", "0.00", "1297.19", "0.00");
        String today = java.time.LocalDate.now(io.settlehub.contract.BusinessCalendar.ZONE).toString();
        String statement = "/api/clients/" + client + "/reports/statement?from=2026-01-01&to=" + today + "&format=";

        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + statement + "xlsx"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("statement-" + client);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            // Russian unless asked otherwise: the sheets and buckets are named in Russian, the amounts are numbers
            var balances = workbook.getSheet("Остатки");
            java.util.Map<String, java.math.BigDecimal> closing = new java.util.HashMap<>();
            java.util.Map<String, java.math.BigDecimal> moved = new java.util.HashMap<>();
            for (var row : balances) {
                if (row.getRowNum() > 4 && row.getCell(1) != null) {
                    closing.put(row.getCell(1).getStringCellValue(), exact(row.getCell(4)));
                    moved.put(row.getCell(1).getStringCellValue(), exact(row.getCell(3)));
                }
            }
            assertThat(closing.get("В пути")).isEqualByComparingTo("1297.19");
            assertThat(closing.get("Доступно")).isEqualByComparingTo("0.00");
            java.math.BigDecimal availableMoves = java.math.BigDecimal.ZERO;
            for (var row : workbook.getSheet("Движения")) {
                if (row.getRowNum() > 4 && "Доступно".equals(row.getCell(1).getStringCellValue())) {
                    availableMoves = availableMoves.add(exact(row.getCell(2)));
                }
            }
            assertThat(availableMoves).as("the movements add up to the change").isEqualByComparingTo(moved.get("Доступно"));
            // the balance explained: opening, each cause's movements, closing; per bucket the rows between add up
            var explained = workbook.getSheet("Откуда баланс");
            java.util.List<org.apache.poi.ss.usermodel.Row> rows = new java.util.ArrayList<>();
            explained.forEach(row -> {
                if (row.getRowNum() > 4 && row.getCell(0) != null && "RUB".equals(row.getCell(0).getStringCellValue())) {
                    rows.add(row);
                }
            });
            assertThat(rows.get(0).getCell(1).getStringCellValue()).isEqualTo("Входящий остаток");
            assertThat(rows.get(rows.size() - 1).getCell(1).getStringCellValue()).isEqualTo("Исходящий остаток");
            assertThat(rows.stream().map(r -> r.getCell(1).getStringCellValue())).contains("Заказы: доход клиента", "Выплаты клиенту");
            for (int bucket = 2; bucket < 7; bucket++) {
                java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
                for (var row : rows.subList(0, rows.size() - 1)) {
                    sum = sum.add(exact(row.getCell(bucket)));
                }
                assertThat(sum).as("column %d", bucket).isEqualByComparingTo(exact(rows.get(rows.size() - 1).getCell(bucket)));
            }
        }
        String csv = call("GET", statement + "csv", null, TOKEN).body();
        assertThat(csv).contains("RUB,В пути,0.00,1297.19,1297.19").contains("Выписка " + client);
        String english = call("GET", statement + "csv&lang=en", null, TOKEN).body();
        assertThat(english).contains("RUB,In flight,0.00,1297.19,1297.19").contains("Statement of " + client);
        HttpResponse<String> byBrowser = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + statement + "csv"))
                .header("Authorization", "Bearer " + TOKEN).header("Accept-Language", "en-GB,en;q=0.9,ru;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byBrowser.body()).as("a browser preferring English").contains("Statement of " + client);

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/" + client
                + "/reports/agent-report?period=2026-03&format=pdf")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf.body())).getTextFromPage(1)
                .replace('\u00a0', ' ').replaceAll("\\s+", " ");
        assertThat(text).contains("Доход клиента").contains("1 297,19").contains("239,50").contains("52,69").contains("март 2026");
        String agentCsv = call("GET", "/api/clients/" + client + "/reports/agent-report?period=2026-03&format=csv", null, TOKEN).body();
        assertThat(agentCsv).contains("Доход клиента,1297.19").contains("Вознаграждение сервиса,239.50").contains("33920474-0032-1");
        String agentEnglish = call("GET", "/api/clients/" + client + "/reports/agent-report?period=2026-03&format=csv&lang=en", null, TOKEN).body();
        assertThat(agentEnglish).contains("Client net,1297.19").contains("Service commission,239.50").contains("March 2026");

        HttpResponse<String> reversed = call("GET", "/api/clients/" + client + "/reports/statement?from=2026-03-31&to=2026-03-01", null, TOKEN);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"field\":\"to\"").contains("reversed");
        assertThat(call("GET", statement + "docx", null, TOKEN).body()).contains("\"field\":\"format\"");
    }

    /** An XLSX money cell read back as the decimal the API shows. */
    static java.math.BigDecimal exact(org.apache.poi.ss.usermodel.Cell cell) {
        return java.math.BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }


    @Test
    void a_lamp_sold_below_its_landed_cost_raises_an_alert_once_for_the_client_and_its_webhook() throws Exception {
        String client = newClient();
        List<CanonicalEvent> events = new java.util.ArrayList<>(workedExampleFor(client).subList(0, 4));
        events.add(forClient(event("ozon:acme:sale:CHEAP-1", EventType.SALE, "ozon", "2026-03-05T09:00:00Z",
                new io.settlehub.contract.EventPayload.Sale("CHEAP-1", List.of(new io.settlehub.contract.EventPayload.SaleLine("LAMP-01", 1,
                        rub("1000.00"), rub("0.00"), List.of(new io.settlehub.contract.EventPayload.Fee("commission", rub("150.00"))))))),
                client));
        send(events);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(call("GET", "/api/clients/" + client + "/orders/CHEAP-1", null, TOKEN).statusCode()).isEqualTo(200));

        String raised = call("POST", "/api/alerts/scan", null, TOKEN).body();
        assertThat(raised).contains("SOLD_BELOW_LANDED_COST:" + client + ":ozon/CHEAP-1/LAMP-01");
        assertThat(call("POST", "/api/alerts/scan", null, TOKEN).body()).as("raised once").doesNotContain(client);
        JsonNode mine = get("/api/clients/" + client + "/alerts");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("message").asText()).contains("brought 850.00 RUB").contains("1166.06 RUB");
        // the client's page says it in Russian, with the amounts as Russian writes them
        var stored = alertRepository.ofClient(client, 1).get(0);
        assertThat(alertWording.text(stored, io.settlehub.core.text.Readable.RUSSIAN)).isEqualTo("LAMP-01 в заказе CHEAP-1 принёс"
                + " 850,00\u00a0₽ после комиссий маркетплейса за 1 шт., себестоимость которых 1\u00a0166,06\u00a0₽");
        assertThat(alertWording.text(stored, java.util.Locale.ENGLISH)).isEqualTo("LAMP-01 in order CHEAP-1 brought 850.00\u00a0RUB"
                + " after marketplace fees for 1 unit(s) that cost 1,166.06\u00a0RUB landed");
        JsonNode pushed = CRM.await(n -> n.get("type").asText().equals("ALERT") && client.equals(n.path("clientId").asText()));
        ContractSchemas.assertValid("notification", pushed);
    }

    /** The scan looks at what changed since the last one: a fee far from the SKU's usual rate, a payout matching no order. */
    @Test
    void the_alert_scan_finds_what_changed_since_its_last_run() throws Exception {
        String client = newClient();
        call("POST", "/api/alerts/scan", null, TOKEN);
        List<CanonicalEvent> events = new java.util.ArrayList<>(workedExampleFor(client).subList(0, 4));
        String[] fees = {"300.00", "310.00", "290.00", "305.00", "295.00", "300.00", "800.00"};
        for (int i = 0; i < fees.length; i++) {
            events.add(forClient(event("ozon:acme:sale:FEE-" + i, EventType.SALE, "ozon", "2026-03-0" + (2 + i) + "T09:15:00Z",
                    new io.settlehub.contract.EventPayload.Sale("FEE-" + i, List.of(new io.settlehub.contract.EventPayload.SaleLine("LAMP-01",
                            1, rub("2000.00"), rub("0.00"), List.of(new io.settlehub.contract.EventPayload.Fee("commission", rub(fees[i]))))))),
                    client));
        }
        send(events);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(call("GET", "/api/clients/" + client + "/orders/FEE-6", null, TOKEN).statusCode()).isEqualTo(200));
        String raised = call("POST", "/api/alerts/scan", null, TOKEN).body();
        assertThat(raised).contains("FEE_RATE_OUTLIER:" + client + ":ozon/FEE-6/LAMP-01").doesNotContain(":ozon/FEE-5/");

        send(List.of(forClient(event("ozon:acme:payout:P-UNLISTED", EventType.MARKETPLACE_PAYOUT, "ozon", "2026-03-20T10:00:00Z",
                new io.settlehub.contract.EventPayload.MarketplacePayout("P-UNLISTED", rub("99999.00"), List.of())), client)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call("POST", "/api/alerts/scan", null, TOKEN).body()
                .contains("PAYOUT_MATCHES_NO_EXPECTATION:" + client + ":ozon/P-UNLISTED") || get("/api/clients/" + client + "/alerts")
                .toString().contains("P-UNLISTED")).isTrue());
    }
    /** A scan reads the fee observations recorded since a time in groups of whole clients: none split, none left out. */
    @Test
    void fee_observations_recorded_since_come_in_groups_of_whole_clients() throws Exception {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        List<String> mine = List.of(newClient(), newClient(), newClient());
        for (String client : mine) {
            send(workedExampleFor(client));
        }
        for (String client : mine) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(call("GET", "/api/clients/" + client + "/orders/" + ORDER, null, TOKEN).statusCode()).isEqualTo(200));
        }
        List<java.util.Map<String, List<io.settlehub.core.settlement.FeeObservation>>> groups = new java.util.ArrayList<>();
        transactions.executeWithoutResult(tx -> recordedFigures.feesRecordedSince(before, 2, groups::add));
        java.util.Map<String, Integer> groupOf = new java.util.HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            assertThat(groups.get(i)).as("group %d", i).hasSizeBetween(1, 2);
            for (String client : groups.get(i).keySet()) {
                assertThat(groupOf.put(client, i)).as("client %s in one group only", client).isNull();
            }
        }
        for (String client : mine) {
            int group = groupOf.getOrDefault(client, -1);
            assertThat(group).as("client %s's observations read", client).isNotNegative();
            assertThat(groups.get(group).get(client)).as("the worked example's order").isNotEmpty()
                    .allSatisfy(o -> assertThat(o.orderId()).isEqualTo(ORDER));
        }
    }

    /**
     * A rebuild re-derives every client while ingest goes on: it posts only what differs from the full derivation (here a
     * wrong figure left on a quiet client, as a rules bug would leave it), reports it, and the client being ingested
     * meanwhile loses no event and applies none twice.
     */
    @Test
    void a_rebuild_under_ingest_posts_only_differences_and_loses_nothing() throws Exception {
        String busy = newClient();
        String quiet = newClient();
        send(workedExampleFor(quiet));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(call("GET", "/api/clients/" + quiet + "/orders/" + ORDER, null, TOKEN).statusCode()).isEqualTo(200));
        String wrong = "charge/ozon:" + quiet + ":no-such-charge";
        ledger.post(List.of(new io.settlehub.core.ledger.Transfer(io.settlehub.core.ledger.AccountKey.clearing(quiet, "RUB"),
                io.settlehub.core.ledger.AccountKey.client(quiet, io.settlehub.core.ledger.Bucket.AVAILABLE, "RUB"), rub("10.00"), quiet, wrong, "a rules bug")));
        List<CanonicalEvent> stream = io.settlehub.core.settlement.IncrementalSettlementPropertiesTest.stream(new java.util.Random(11))
                .stream().filter(e -> e.type() != EventType.FX_RATE).map(e -> forClient(e, busy))
                .sorted(java.util.Comparator.comparing(CanonicalEvent::occurredAt)).toList();
        int half = stream.size() / 2;
        settlement.ingest(stream.subList(0, half));

        assertThat(call("POST", "/api/operations/rebuild", null, TOKEN).statusCode()).isEqualTo(202);
        for (int i = half; i < stream.size(); i += 2) {
            settlement.ingest(stream.subList(i, Math.min(stream.size(), i + 2)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !get("/api/operations/rebuild").get("running").asBoolean());
        JsonNode report = get("/api/operations/rebuild");
        assertThat(report.get("failed")).isEmpty();
        assertThat(report.get("moved").get(quiet)).as("what moved for %s: %s", quiet, report).isNotNull();
        assertThat(report.get("moved").get(quiet).toString()).contains(wrong).contains("10.00");
        assertThat(ledger.components(quiet).stream().map(io.settlehub.core.ledger.Component::key)).doesNotContain(wrong);

        var whole = settlement.settlementOf(busy).orElseThrow();
        assertThat(io.settlehub.core.ledger.PostingPlan.index(ledger.components(busy))).isEqualTo(
                io.settlehub.core.ledger.PostingPlan.index(io.settlehub.core.settlement.SettlementPostings.of(whole).stream()
                        .filter(c -> !c.amount().isZero()).toList()));
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from event_fact where client_id = ?", Long.class, busy))
                .isEqualTo(stream.stream().map(CanonicalEvent::eventId).distinct().count());
    }
}
