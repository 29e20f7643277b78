package io.settlehub.e2e;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.bank.formats.iso20022.Pain001Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The path of the demo as separate processes ({@link RunningHub}): the standalone Artemis distribution, the sandbox partners,
 * settlement-core on PostgreSQL, connector-marketplace, connector-bank and connector-accounting. Goods receipts come from the
 * clients' 1C, sales on Ozon, Wildberries and AliExpress become one balance, a payout run becomes a Russian payment order
 * (pain.001.001.06) on the rouble bank's SFTP server and the supplier's yuan a pain.001.001.09 on the other bank's; the rouble
 * bank refuses (AG03) and the payout goes through the other bank, whose camt.053 statement books it, a full re-poll changes nothing, and closing the period puts the
 * agent's report and the payout into 1C once.
 */
@ExtendWith(RunningHub.Extension.class)
@Tag("integration")
class HubEndToEndTest {

    static RunningHub hub;

    @BeforeAll
    static void hub(RunningHub running) {
        hub = running;
    }

    /**
     * Ozon: 982.65 available, 982.99 pending. Wildberries: two lamps sold for 4,980.00, WB pays 4,115.40 in its weekly
     * report; commission 249.00 + VAT 54.78, landed cost 2 × 1,166.06 → client net 1,479.50 available; logistics 95.00 and
     * storage 38.40 charged: 982.65 + 1,479.50 − 133.40 = 2,328.75. AliExpress: a lamp sold for 2,390.00, escrow and
     * affiliate fees 262.90, released by the platform: client net 2,127.10 − 119.50 − 26.29 − 1,166.06 = 815.25 →
     * 3,144.00 available.
     */
    static final String ACME_AFTER_SALES =
            "[{\"currency\":\"RUB\",\"pending\":\"982.99\",\"held\":\"0.00\",\"available\":\"3144.00\",\"inFlight\":\"0.00\",\"paid\":\"0.00\"}]";

    @Test
    void sales_on_three_marketplaces_become_one_balance_and_a_payout_a_pain001_file_on_the_banks_sftp_server() throws Exception {
        await("acme's Ozon, Wildberries and AliExpress sales settled").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .untilAsserted(() -> assertThat(hub.core("/api/clients/acme/balances")).isEqualTo(ACME_AFTER_SALES));
        assertThat(hub.core("/api/clients/acme/orders/33920474-0032-1"))
                .contains("\"marketplaceNet\":\"3921.50\"").contains("\"clientNet\":\"1297.19\"");
        assertThat(hub.core("/api/clients/acme/orders/wb1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e")).contains("\"source\":\"wildberries\"")
                .contains("\"marketplaceNet\":\"4115.40\"").contains("\"clientNet\":\"1479.50\"").contains("\"available\":\"1479.50\"");
        assertThat(hub.core("/api/clients/acme/orders/8191234599001")).contains("\"source\":\"aliexpress\"")
                .contains("\"marketplaceNet\":\"2127.10\"").contains("\"clientNet\":\"815.25\"").contains("\"available\":\"815.25\"");

        // Every Ozon record polled again from the start (a lost watermark) after a restart: nothing changes.
        hub.processes.stop("connector-marketplace");
        Files.delete(hub.state.resolve("ozon-acme.json"));
        Files.deleteIfExists(hub.state.resolve("wildberries-acme.json"));
        Files.deleteIfExists(hub.state.resolve("aliexpress-acme.json"));
        hub.startMarketplace();
        await("a full re-poll").atMost(Duration.ofSeconds(120))
                .until(() -> hub.processes.log("connector-marketplace").contains("ozon acme: published"));
        RunningHub.awaitHealthy(hub.marketplacePort, "connector-marketplace");
        assertThat(hub.core("/api/clients/acme/balances")).isEqualTo(ACME_AFTER_SALES);

        String run = RunningHub.post(hub.corePort, "/api/payouts/run");
        String instructionId = null;
        for (com.fasterxml.jackson.databind.JsonNode instruction : io.settlehub.contract.EventCodec.mapper().readTree(run)) {
            if (instruction.get("clientId").asText().equals("acme") && instruction.get("amount").get("currency").asText().equals("RUB")) {
                assertThat(instruction.get("amount").get("amount").asText()).isEqualTo("3144.00");
                instructionId = instruction.get("instructionId").asText();
            }
        }
        assertThat(instructionId).as("acme's payout in %s", run).isNotNull();
        // globex's order is paid in full: its supplier is paid in CNY in the same run
        assertThat(run).contains("\"amount\":{\"amount\":\"360.00\",\"currency\":\"CNY\"}");
        // Roubles go to the Russian bank's host-to-host channel: a numbered payment order in pain.001.001.06 with all a
        // Russian bank needs (the payee's bank named from the central bank's BIK directory), the purpose in Russian.
        Path file = hub.sftpRoot.resolve("outbox").resolve("pain001-" + instructionId + ".xml");
        await("the payment file at the bank").atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
        String xml = Files.readString(file);
        Pain001Schema.validateV06(xml);
        assertThat(xml).contains("<InstrId>" + instructionId + "</InstrId>").contains("<InstdAmt Ccy=\"RUB\">3144.00</InstdAmt>")
                .containsPattern("<EndToEndId>[1-9][0-9]{0,5}</EndToEndId>")
                .contains("<Id>7701234567</Id><SchmeNm><Cd>TXID</Cd></SchmeNm>").contains("<Id>770101001</Id><SchmeNm><Prtry>KPP</Prtry>")
                .contains("<MmbId>044525225</MmbId></ClrSysMmbId><Nm>ПАО Сбербанк</Nm>").contains("<Id>30101810400000000225</Id>")
                .contains("<Nm>АО \"АЛЬФА-БАНК\"</Nm>").contains("<Id>30101810200000000593</Id>")
                .contains("Перечисление выручки от продаж на маркетплейсах").contains("НДС не облагается");
        assertThat(hub.core("/api/clients/acme/balances")).contains("\"available\":\"0.00\"").contains("\"inFlight\":\"3144.00\"");
        // Yuan to the Chinese supplier go through the other bank, in pain.001.001.09 with the currency control fields.
        await("the supplier's payment at the yuan bank").atMost(Duration.ofSeconds(60)).until(() -> {
            try (var files = Files.list(hub.cnySftpRoot.resolve("outbox"))) {
                return files.map(RunningHub::read).anyMatch(x -> x.contains("<InstdAmt Ccy=\"CNY\">360.00</InstdAmt>"));
            }
        });

        // The rouble bank refuses the payout for a reason the other bank may not have (AG03): it goes through the yuan
        // bank, which also pays roubles, once; the client's payment history says so and the money stays in flight.
        Process reject = new ProcessBuilder("python3", RunningHub.ROOT.resolve("demo/bank_reject.py").toString(), hub.sftpRoot.toString(),
                "AG03").redirectErrorStream(true).start();
        String rejected = new String(reject.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(reject.waitFor()).as(rejected).isZero();
        Path rerouted = hub.cnySftpRoot.resolve("outbox").resolve("pain001-" + instructionId + ".xml");
        await("the payout sent again through the other bank").atMost(Duration.ofSeconds(60)).until(() -> Files.exists(rerouted));
        Pain001Schema.validate(Files.readString(rerouted));
        await("the re-routing in the payment's history").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(hub.core("/api/clients/acme/payments")).contains("re-routed from alfa to vtb after AG03"));
        assertThat(hub.core("/api/clients/acme/balances")).contains("\"inFlight\":\"3144.00\"");

        // The yuan bank's answer: a camt.053 statement booking its payment files lands in its inbox; the money is paid.
        Process statement = new ProcessBuilder("python3", RunningHub.ROOT.resolve("demo/bank_statement.py").toString(),
                hub.cnySftpRoot.toString(), "40702810500000000777").redirectErrorStream(true).start();
        String made = new String(statement.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(statement.waitFor()).as(made).isZero();
        await("the statement booked").atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(hub.core("/api/clients/acme/balances")).contains("\"inFlight\":\"0.00\"").contains("\"paid\":\"3144.00\""));
        assertThat(hub.core("/api/clients/acme/payments")).contains("\"status\":\"BOOKED\"");
        try (var processed = Files.list(hub.cnySftpRoot.resolve("inbox/processed"))) {
            assertThat(processed.count()).isEqualTo(1);
        }

        // Closing November puts acme's agent's report and its payout into acme's 1C, created and posted, once. The payout is
        // dated today in Moscow: in December's first hours (UTC's evening of the 30th) it is closed with December.
        String closed = RunningHub.post(hub.corePort, "/api/accounting/close?period=2026-11");
        assertThat(closed).contains("agent-report:acme:2026-11:RUB");
        String paymentPeriod = java.time.YearMonth.now(io.settlehub.contract.BusinessCalendar.ZONE).toString();
        String closedWithPayment = paymentPeriod.equals("2026-11") ? closed
                : RunningHub.post(hub.corePort, "/api/accounting/close?period=" + paymentPeriod);
        assertThat(closedWithPayment).contains("payment:" + instructionId);
        // December may hold an agent's report of its own (the demo's sales of today)
        int reportsIssued = closedWithPayment == closed ? 1 : 1 + (closedWithPayment.contains("agent-report:acme:") ? 1 : 0);
        String reports = RunningHub.onecPath("acme", "Document_ОтчетКомиссионераОПродажах");
        String keyed = "\\(guid'[0-9a-f-]{36}'\\)";
        await("the agent's report and the payout posted in 1C").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(hub.onecRequests("POST", reports + "\\?.*")).as("created").isEqualTo(reportsIssued);
            assertThat(hub.onecRequests("POST", reports + keyed + "/Post\\?PostingModeOperational=false")).as("posted").isEqualTo(reportsIssued);
            assertThat(hub.onecRequests("POST", RunningHub.onecPath("acme", "Document_ПоступлениеНаРасчетныйСчет") + keyed + "/Post\\?.*"))
                    .as("the payout posted").isEqualTo(1);
        });
        assertThat(hub.onecRequests("GET", RunningHub.onecPath("acme", "Document_ПоступлениеТоваровУслуг") + "\\?.*"))
                .as("goods receipts read from 1C").isPositive();
        assertThat(RunningHub.post(hub.corePort, "/api/accounting/close?period=2026-11")).as("closed again: nothing new").doesNotContain("acme");

        // A commission of 6 % from November, then a recalculation: the corrected report replaces the first in 1C.
        var agreement = (com.fasterxml.jackson.databind.node.ObjectNode) io.settlehub.contract.EventCodec.mapper()
                .readTree(hub.core("/api/clients/acme"));
        agreement.put("commissionRate", "0.06").put("effectiveFrom", "2026-11-01");
        RunningHub.put(hub.corePort, "/api/clients/acme", agreement.toString());
        String recalculated = RunningHub.post(hub.corePort, "/api/clients/acme/recalculate?from=2026-11-01");
        assertThat(recalculated).contains("agent-report:acme:2026-11:RUB");
        int corrected = 0;
        for (var document : io.settlehub.contract.EventCodec.mapper().readTree(recalculated).get("documents")) {
            corrected += document.get("documentId").asText().startsWith("agent-report:acme:") ? 1 : 0;
        }
        int patched = corrected;
        await("the corrected report in 1C").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(hub.onecRequests("PATCH", reports + keyed + "\\?.*")).isEqualTo(patched));
        assertThat(hub.onecRequests("POST", reports + "\\?.*")).as("never created twice").isEqualTo(reportsIssued);
    }

    @Test
    void a_client_signs_in_to_the_dashboard_in_a_real_browser_and_downloads_its_report_another_client_sees_none_of_it()
            throws Exception {
        // whichever test ran before (a payout, a recalculation), the browser must show what the API shows now
        await("acme's sales settled").atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() ->
                hub.core("/api/clients/acme/orders/8191234599001").contains("\"source\":\"aliexpress\"")
                        && hub.core("/api/clients/acme/orders/wb1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e").contains("\"source\":\"wildberries\""));
        String available = io.settlehub.contract.EventCodec.mapper().readTree(hub.core("/api/clients/acme/balances")).get(0)
                .get("available").asText();
        Path downloads = RunningHub.WORK.resolve("downloads");
        ProcessBuilder node = new ProcessBuilder("node", RunningHub.ROOT.resolve("e2e-tests/browser/dashboard.mjs").toString(),
                "http://127.0.0.1:" + hub.corePort, downloads.toString()).redirectErrorStream(true);
        node.environment().putAll(Map.of("CLIENT_USER", "acme", "CLIENT_PASSWORD", "acme-demo-password", "CLIENT_ID", "acme",
                "OTHER_USER", "globex", "OTHER_PASSWORD", "globex-demo-password", "EXPECTED_AVAILABLE", available,
                "EXPECTED_ORDER", "33920474-0032-1", "REPORT_PERIOD", "2026-11"));
        node.environment().putAll(Map.of("OPERATOR_USER", "operator", "OPERATOR_PASSWORD", "operator-demo-password"));
        Process browser = node.start();
        String output = new String(browser.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(browser.waitFor()).as("the browser test (e2e-tests/browser/dashboard.mjs): %s", output).isZero();

        // the downloaded spreadsheet holds the API's figures: each order's client net is the order breakdown's
        // (downloaded in English; the Russian file has the same cells under Russian names)
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(downloads.resolve("en/agent-report-acme-2026-11.xlsx").toFile());
             var russian = new org.apache.poi.xssf.usermodel.XSSFWorkbook(downloads.resolve("ru/agent-report-acme-2026-11.xlsx").toFile())) {
            assertThat(russian.getSheet("Заказы RUB")).as("the Russian agent's report").isNotNull();
            assertThat(russian.getSheet("Заказы RUB").getLastRowNum()).isEqualTo(workbook.getSheet("Orders RUB").getLastRowNum());
            var sheet = workbook.getSheet("Orders RUB");
            Map<String, java.math.BigDecimal> byOrder = new HashMap<>();
            for (var row : sheet) {
                if (row.getRowNum() > 3 && row.getCell(12) != null && row.getCell(12).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && !row.getCell(0).getStringCellValue().equals("Total")) {
                    byOrder.merge(row.getCell(1).getStringCellValue(), java.math.BigDecimal.valueOf(row.getCell(12).getNumericCellValue())
                            .setScale(2, java.math.RoundingMode.UNNECESSARY), java.math.BigDecimal::add);
                }
            }
            assertThat(byOrder).containsKeys("33920474-0032-1", "wb1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e", "8191234599001");
            for (var order : byOrder.entrySet()) {
                assertThat(order.getValue()).as("client net of %s", order.getKey()).isEqualByComparingTo(new java.math.BigDecimal(
                        io.settlehub.contract.EventCodec.mapper().readTree(hub.core("/api/clients/acme/orders/" + order.getKey()))
                                .get("clientNet").asText()));
            }
        }
    }

    @Test
    void a_connector_written_without_java_publishes_canonical_events_over_stomp() throws Exception {
        // settled: the same balances at two polls 3 s apart
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>("");
        String before = await("globex's balance settled").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3))
                .ignoreExceptions().until(() -> {
                    String now = hub.core("/api/clients/globex/balances");
                    return now.equals(seen.getAndSet(now)) && now.contains("RUB") ? now : null;
                }, java.util.Objects::nonNull);
        java.math.BigDecimal available = new java.math.BigDecimal(io.settlehub.contract.EventCodec.mapper().readTree(before).get(0)
                .get("available").asText());

        for (int attempt = 0; attempt < 2; attempt++) {   // the second time the broker drops it as a repeat
            ProcessBuilder stomp = new ProcessBuilder("python3", RunningHub.ROOT.resolve("examples/stomp-connector/publish_event.py").toString(),
                    RunningHub.ROOT.resolve("examples/stomp-connector/globex-storage-charge.json").toString(), "127.0.0.1:" + hub.brokerPort)
                    .redirectErrorStream(true);
            stomp.environment().putAll(Map.of("HUB_BROKER_USER", "connector-example", "HUB_BROKER_PASSWORD",
                    StandaloneBroker.password("connector-example")));
            Process process = stomp.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            assertThat(output).contains("published example:globex:storage:2026-11-21");
        }
        String expected = available.subtract(new java.math.BigDecimal("15.67")).toPlainString();
        await("the storage charge applied").atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(hub.core("/api/clients/globex/balances")).contains("\"available\":\"" + expected + "\""));
        await("applied once").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(hub.core("/api/clients/globex/balances")).contains("\"available\":\"" + expected + "\""));
    }
}
