package io.settlehub.bank;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.bank.formats.clientbank.ClientBankFile;
import io.settlehub.bank.formats.clientbank.ClientBankFormat;
import io.settlehub.bank.formats.clientbank.PaymentOrder;
import io.settlehub.bank.formats.iso20022.Pain001Schema;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.testsupport.EmbeddedSftpServer;
import jakarta.jms.Message;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Five banks: roubles to Russian payees through a bank that takes 1C client-bank files (up to 10,000) and one that takes
 * pain.001.001.06 host-to-host (beyond), yuan to Chinese payees through two that take pain.001.001.09, euros through a
 * batching one; an instruction none pays is dead-lettered naming why. One SFTP server, a folder each.
 */
@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "spring.artemis.embedded.persistent=false", "hub.cbr.url=", "hub.bank.inbox-poll-interval=500",
        "hub.bank.credit-rules[0].payer-tax-id=7704217370", "hub.bank.credit-rules[0].purpose-contains=ИР-100001",
        "hub.bank.credit-rules[0].client-id=acme"})
@Tag("integration")
class BankProfilesTest {

    static Path work;
    static EmbeddedSftpServer server;

    @DynamicPropertySource
    static void sftp(DynamicPropertyRegistry registry) throws Exception {
        CoreKeys.register(registry);
        work = Files.createTempDirectory("bank-profiles");
        server = EmbeddedSftpServer.start(work.resolve("sftp"), work.resolve("host.key"), 0, "bank", "profiles-pass");
        for (String folder : new String[] {"sber/out", "sber/in", "boc/out", "boc/in", "vtb/out", "vtb/in", "alfa/out", "alfa/in", "alfarub/out", "alfarub/in"}) {
            Files.createDirectories(server.root().resolve(folder));
        }
        Path knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        // a list binds from one property source only: every key of the banks is given here
        String[][] banks = {
            {"sber", "CLIENT_BANK_1C", "RUB", "RU", "ООО «Сеттлхаб»", "40702810000000000099", "044525225", "770001001", "ПАО СБЕРБАНК",
                "30101810400000000225"},
            {"boc", "ISO20022", "CNY", "CN", "Settlehub LLC", "40702156000000000007", "BKCHRUMMXXX", "", "", ""},
            {"vtb", "ISO20022", "CNY", "CN", "Settlehub LLC", "40702156000000000011", "VTBRRUMMXXX", "", "", ""},
            {"alfa", "ISO20022", "EUR", "DE", "Settlehub LLC", "40702978000000000003", "ALFARUMMXXX", "", "", ""},
            {"alfarub", "ISO20022_RU_H2H", "RUB", "RU", "ООО «Сеттлхаб»", "40702810000000000555", "044525593", "770001001",
                "АО \"АЛЬФА-БАНК\"", "30101810200000000593"}};
        for (int i = 0; i < banks.length; i++) {
            String[] b = banks[i];
            String prefix = "hub.bank.banks[" + i + "].";
            registry.add(prefix + "name", () -> b[0]);
            registry.add(prefix + "format", () -> b[1]);
            registry.add(prefix + "currencies", () -> b[2]);
            registry.add(prefix + "payee-countries", () -> b[3]);
            registry.add(prefix + "sftp.outbox", () -> b[0] + "/out");
            registry.add(prefix + "sftp.inbox", () -> b[0] + "/in");
            registry.add(prefix + "debtor.name", () -> b[4]);
            registry.add(prefix + "debtor.account", () -> b[5]);
            registry.add(prefix + "debtor.bank-id", () -> b[6]);
            registry.add(prefix + "debtor.tax-id", () -> "7700000000");
            registry.add(prefix + "debtor.kpp", () -> b[7]);
            registry.add(prefix + "debtor.bank-name", () -> b[8]);
            registry.add(prefix + "debtor.correspondent-account", () -> b[9]);
        }
        // alfa batches: what waits goes as one file every two seconds; past its cut-off (always, at 00:00) for the next business day
        registry.add("hub.bank.banks[3].batch-interval", () -> "2s");
        registry.add("hub.bank.banks[3].cut-off", () -> "00:00");
        registry.add("hub.bank.banks[3].file-prefix", () -> "settlehub_pp_");
        // sber pays roubles up to 10,000; larger rouble payments go to alfarub, in the Russian host-to-host profile
        registry.add("hub.bank.banks[0].max-amount", () -> "10000");
        for (int i = 0; i < banks.length; i++) {
            String prefix = "hub.bank.banks[" + i + "].sftp.";
            registry.add(prefix + "host", () -> "127.0.0.1");
            registry.add(prefix + "port", server::port);
            registry.add(prefix + "user", () -> "bank");
            registry.add(prefix + "password", () -> "profiles-pass");
            registry.add(prefix + "known-hosts", knownHosts::toString);
        }
        registry.add("hub.bank.state-dir", () -> work.resolve("state").toString());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Autowired
    JmsTemplate jms;

    static PaymentInstruction instruction(String amount, String currency, String account, String bankId) {
        return new PaymentInstruction("SH" + UUID.randomUUID().toString().replace("-", "").toUpperCase(), "acme",
                new PaymentInstruction.Payee("Acme Import LLC", account, bankId, "7701234567"), Money.of(amount, currency),
                "Payout of marketplace sales", LocalDate.of(2026, 11, 27));
    }

    @Test
    void each_instruction_goes_to_its_bank_in_that_banks_format_and_one_no_bank_pays_is_dead_lettered() throws Exception {
        PaymentInstruction roubles = instruction("3144.00", "RUB", "40702810900000000001", "044525225");
        PaymentInstruction yuan = instruction("600.00", "CNY", "62220211003300440055", "ICBKCNBJNBO");
        PaymentInstruction dollars = instruction("100.00", "USD", "000123456789", "CHASUS33");
        for (PaymentInstruction instruction : new PaymentInstruction[] {roubles, yuan, dollars}) {
            jms.send(Addresses.PAYMENT_INSTRUCTIONS, session -> CoreKeys.signed(session, instruction.toJson()));
        }

        Path onec = server.root().resolve("sber/out/1c_to_kl-" + roubles.instructionId() + ".txt");
        Path pain = server.root().resolve("boc/out/pain001-" + yuan.instructionId() + ".xml");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(onec) && Files.exists(pain));

        ClientBankFile file = ClientBankFormat.read(onec.getFileName().toString(), Files.readAllBytes(onec));
        PaymentOrder order = file.documents().get(0);
        assertThat(file.header()).containsEntry("Кодировка", "Windows").containsEntry("РасчСчет", "40702810000000000099");
        assertThat(java.util.List.of(order.number(), order.amount(), order.payee().account(), order.payee().bik(), order.payer().bankName()))
                .containsExactly("1", new BigDecimal("3144.00"), "40702810900000000001", "044525225", "ПАО СБЕРБАНК");
        String xml = Files.readString(pain);
        Pain001Schema.validate(xml);
        assertThat(xml).contains("<InstdAmt Ccy=\"CNY\">600.00</InstdAmt>").contains("40702156000000000007");

        jms.setReceiveTimeout(20_000);
        Message dead = jms.receive(Addresses.PAYMENT_INSTRUCTIONS_DLQ);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty(MessageHeaders.FAILURE_REASON)).contains("no configured bank pays USD to US");

        // the 1C bank's statement: our payment order No. 1 of 27.11.2026 debited, a marketplace's payment credited
        String statement = new String(getClass().getResourceAsStream("/clientbank/kl_to_1c-20261126.txt").readAllBytes(),
                ClientBankFormat.WINDOWS).replace("Номер=815\r\nДата=26.11.2026\r\nСумма=1500.00", "Номер=1\r\nДата=27.11.2026\r\nСумма=3144.00");
        Files.write(server.root().resolve("sber/in/kl_to_1c-20261127.txt"), statement.getBytes(ClientBankFormat.WINDOWS));
        java.util.List<io.settlehub.contract.CanonicalEvent> events = new java.util.ArrayList<>();
        jms.setReceiveTimeout(500);
        awaitEvents(events, 30, () -> events.size() >= 2);
        assertThat(events).extracting(io.settlehub.contract.CanonicalEvent::eventId).containsExactly(
                "bank:" + roubles.instructionId() + ":BOOKED", "bank:1c:40702810000000000099:2026-11-26:2026-11-26:45512/2026-11-26");
        io.settlehub.contract.EventPayload.PaymentStatus booked = (io.settlehub.contract.EventPayload.PaymentStatus) events.get(0).payload();
        assertThat(booked.debitedAmount()).isEqualTo(Money.of("3144.00", "RUB"));
        assertThat(events.get(1).clientId()).isEqualTo("acme");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(server.root().resolve("sber/in/processed")));
    }

    @Test
    void a_host_to_host_bank_gets_a_numbered_russian_payment_order_and_its_answers_name_it_by_number() throws Exception {
        PaymentInstruction large = new PaymentInstruction("SH" + UUID.randomUUID().toString().replace("-", "").toUpperCase(), "acme",
                new PaymentInstruction.Payee("ООО «Акме Импорт»", "40702810900000000001", "044525225", "7701234567", "770101001",
                        "ПАО Сбербанк", "30101810400000000225"), Money.of("50000.00", "RUB"),
                "Перечисление выручки от продаж на маркетплейсах за вычетом вознаграждения агента, Acme Import. НДС не облагается",
                LocalDate.of(2026, 11, 30));
        jms.send(Addresses.PAYMENT_INSTRUCTIONS, session -> CoreKeys.signed(session, large.toJson()));

        Path file = server.root().resolve("alfarub/out/pain001-" + large.instructionId() + ".xml");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file));
        String xml = Files.readString(file);
        Pain001Schema.validateV06(xml);
        String number = xml.replaceAll("(?s).*<EndToEndId>([0-9]+)</EndToEndId>.*", "$1");
        assertThat(number).matches("[1-9][0-9]{0,5}");
        assertThat(xml).contains("<InstrId>" + large.instructionId() + "</InstrId>").contains("<RltdDt>2026-11-30</RltdDt>")
                .contains("<Nm>ПАО Сбербанк</Nm>").contains("<Id>30101810400000000225</Id>").contains("<Id>770101001</Id>")
                .contains("НДС не облагается");

        // the bank's answers name the payment order: the status report by its InstrId, the statement by its number
        Files.writeString(server.root().resolve("alfarub/in/pain002-" + number + ".xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
                  <GrpHdr><MsgId>STS-H2H-1</MsgId><CreDtTm>2026-11-30T12:00:00+03:00</CreDtTm></GrpHdr>
                  <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.06</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                  <OrgnlPmtInfAndSts><OrgnlPmtInfId>P%s</OrgnlPmtInfId><TxInfAndSts>
                    <OrgnlInstrId>%s</OrgnlInstrId><OrgnlEndToEndId>%s</OrgnlEndToEndId><TxSts>ACSP</TxSts>
                  </TxInfAndSts></OrgnlPmtInfAndSts>
                </CstmrPmtStsRpt></Document>
                """.formatted(large.instructionId(), large.instructionId(), large.instructionId(), number));
        String statement = new String(getClass().getResourceAsStream("/iso20022/camt053-statement.xml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("{{E2E}}", number).replace("40702810000000000099", "40702810000000000555")
                .replace("<Amt Ccy=\"RUB\">1500.00</Amt>", "<Amt Ccy=\"RUB\">50000.00</Amt>");
        Files.writeString(server.root().resolve("alfarub/in/camt053-" + number + ".xml"), statement);

        java.util.List<io.settlehub.contract.CanonicalEvent> events = new java.util.ArrayList<>();
        jms.setReceiveTimeout(500);
        awaitEvents(events, 30, () -> events.stream().map(io.settlehub.contract.CanonicalEvent::eventId).toList().containsAll(List.of(
                    "bank:" + large.instructionId() + ":ACSP", "bank:" + large.instructionId() + ":BOOKED")));
        io.settlehub.contract.EventPayload.PaymentStatus booked = (io.settlehub.contract.EventPayload.PaymentStatus) events.stream()
                .filter(e -> e.eventId().endsWith(large.instructionId() + ":BOOKED")).findFirst().orElseThrow().payload();
        assertThat(booked.instructionId()).isEqualTo(large.instructionId());
        assertThat(booked.debitedAmount()).isEqualTo(Money.of("50000.00", "RUB"));
    }

    @Test
    void a_bank_refusing_the_corridor_sends_the_payment_through_the_next_bank_once_and_the_client_sees_why() throws Exception {
        PaymentInstruction yuan = instruction("360.00", "CNY", "62220211003300440055", "ICBKCNBJNBO");
        jms.send(Addresses.PAYMENT_INSTRUCTIONS, session -> CoreKeys.signed(session, yuan.toJson()));
        Path first = server.root().resolve("boc/out/pain001-" + yuan.instructionId() + ".xml");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(first));

        String rejection = new String(getClass().getResourceAsStream("/iso20022/pain002-status.xml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("{{FIRST}}", yuan.instructionId()).replace("{{SECOND}}", yuan.instructionId())
                .replace("<TxSts>ACSP</TxSts>", "<TxSts>RCVD</TxSts>").replace("<Cd>AC04</Cd>", "<Cd>AG03</Cd>")
                .replace("Счёт получателя закрыт", "Платежи в CNY по этому направлению не проводятся");
        Files.writeString(server.root().resolve("boc/in/pain002-" + yuan.instructionId() + ".xml"), rejection);

        Path second = server.root().resolve("vtb/out/pain001-" + yuan.instructionId() + ".xml");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(second));
        Pain001Schema.validate(Files.readString(second));
        assertThat(Files.readString(second)).contains("40702156000000000011");

        java.util.List<io.settlehub.contract.CanonicalEvent> events = new java.util.ArrayList<>();
        jms.setReceiveTimeout(500);
        awaitEvents(events, 20, () -> events.stream().anyMatch(e -> e.eventId().equals("bank:" + yuan.instructionId() + ":REROUTED")));
        io.settlehub.contract.EventPayload.PaymentStatus status = (io.settlehub.contract.EventPayload.PaymentStatus) events.stream()
                .filter(e -> e.eventId().endsWith(":REROUTED")).findFirst().orElseThrow().payload();
        assertThat(List.of(status.status(), status.reason())).containsExactly("ACCEPTED",
                "re-routed from boc to vtb after AG03: Платежи в CNY по этому направлению не проводятся");

        // vtb refuses too: no third try, the client's money goes back with the reason
        Files.writeString(server.root().resolve("vtb/in/pain002-" + yuan.instructionId() + ".xml"), rejection);
        awaitEvents(events, 20, () -> events.stream().anyMatch(e -> e.eventId().equals("bank:" + yuan.instructionId() + ":RJCT")));
        try (var files = Files.list(server.root().resolve("sber/out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(yuan.instructionId()));
        }
    }

    @Test
    void a_batching_bank_gets_what_waited_as_one_file_for_the_next_business_day() throws Exception {
        PaymentInstruction first = instruction("1200.00", "EUR", "DE89370400440532013000", "COBADEFFXXX");
        PaymentInstruction second = instruction("800.00", "EUR", "DE02120300000000202051", "BYLADEM1001");
        jms.send(Addresses.PAYMENT_INSTRUCTIONS, session -> CoreKeys.signed(session, first.toJson()));
        jms.send(Addresses.PAYMENT_INSTRUCTIONS, session -> CoreKeys.signed(session, second.toJson()));

        Path outbox = server.root().resolve("alfa/out");
        // by its final name: the upload writes ".uploading-<name>" first and renames it once complete
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var files = Files.list(outbox)) {
                return files.filter(p -> p.getFileName().toString().startsWith("settlehub_pp_ALFA-")).map(BankProfilesTest::read)
                        .anyMatch(xml -> xml.contains(first.instructionId()) && xml.contains(second.instructionId()));
            }
        });
        Path file;
        try (var files = Files.list(outbox)) {
            // another test leaves a stand-in file in the same folder: take the one that holds these two
            file = files.filter(p -> p.getFileName().toString().startsWith("settlehub_pp_ALFA-"))
                    .filter(p -> read(p).contains(first.instructionId()) && read(p).contains(second.instructionId()))
                    .findFirst().orElseThrow();
        }
        String xml = Files.readString(file);
        Pain001Schema.validate(xml);
        assertThat(xml).contains("<NbOfTxs>2</NbOfTxs>").contains("<CtrlSum>2000.00</CtrlSum>");
        LocalDate requested = LocalDate.parse(xml.replaceAll("(?s).*<ReqdExctnDt><Dt>([0-9-]+)</Dt>.*", "$1"));
        assertThat(requested).isAfter(LocalDate.now(io.settlehub.contract.BusinessCalendar.ZONE));
        try (var pending = Files.list(work.resolve("state/bank-batches/alfa/pending"))) {
            assertThat(pending.filter(p -> p.toString().endsWith(".json"))).isEmpty();
        }
    }

    /** Drains hub.events into {@code events} until {@code done} holds, for at most {@code seconds}. */
    void awaitEvents(java.util.List<io.settlehub.contract.CanonicalEvent> events, int seconds, java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(seconds)).until(() -> {
            Message message;
            while ((message = jms.receive(Addresses.EVENTS)) != null) {
                events.add(io.settlehub.contract.EventCodec.decode(((jakarta.jms.TextMessage) message).getText()));
            }
            return done.call();
        });
    }

    /** A sealed batch whose upload was interrupted (the connector stopped) before it was recorded. */
    static void interruptedBatch(String batchId, PaymentInstruction instruction) throws Exception {
        Path marks = Files.createDirectories(work.resolve("state/bank-upload-attempts"));
        Files.createFile(marks.resolve(batchId + "@alfa"));
        Path temp = Files.createDirectories(work.resolve("state/bank-batches/alfa/tmp-" + batchId));
        Files.writeString(temp.resolve(instruction.instructionId() + ".json"), instruction.toJson());
        Files.move(temp, Files.createDirectories(work.resolve("state/bank-batches/alfa/sealed")).resolve(batchId),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void an_interrupted_batch_upload_is_recorded_if_the_file_is_at_the_bank_and_set_aside_if_it_is_gone() throws Exception {
        Path outbox = server.root().resolve("alfa/out");
        String reached = "ALFA-20261126000001";
        Files.writeString(outbox.resolve("settlehub_pp_" + reached + ".xml"), "<Document>what the interrupted upload put there</Document>");
        interruptedBatch(reached, instruction("300.00", "EUR", "DE89370400440532013000", "COBADEFFXXX"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(work.resolve("state/bank-batches/alfa/sent/" + reached)));
        assertThat(Files.readString(outbox.resolve("settlehub_pp_" + reached + ".xml"))).contains("what the interrupted upload put there");

        String collected = "ALFA-20261126000002";   // the bank took the file away before the connector came back
        interruptedBatch(collected, instruction("400.00", "EUR", "DE02120300000000202051", "BYLADEM1001"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(work.resolve("state/bank-batches/alfa/uncertain/" + collected)));
        assertThat(outbox.resolve("settlehub_pp_" + collected + ".xml")).doesNotExist();
        assertThat(work.resolve("state/bank-upload-attempts/" + collected + "@alfa")).doesNotExist();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
