package io.settlehub.bank;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.bank.formats.iso20022.Pain001Schema;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.Money;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.testsupport.EmbeddedSftpServer;
import jakarta.jms.Message;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** connector-bank over an embedded broker and a real SFTP server (MINA SSHD) with host-key verification. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true", "spring.artemis.embedded.persistent=false",
        "hub.bank.upload.redelivery-delay=50", "hub.bank.upload.max-redelivery-delay=200", "hub.bank.upload.max-redeliveries=60",
        "resilience4j.circuitbreaker.instances.bank-sftp.wait-duration-in-open-state=300ms", "hub.bank.inbox-poll-interval=500",
        "hub.bank.credit-rules[0].payer-tax-id=7704217370", "hub.bank.credit-rules[0].purpose-contains=ИР-100001",
        "hub.bank.credit-rules[0].client-id=acme", "hub.cbr.url="})
@Tag("integration")
class BankConnectorTest {

    static Path work;
    static EmbeddedSftpServer bank;
    static Path hostKey;
    static int port;

    @Autowired
    JmsTemplate jms;

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void sftp(DynamicPropertyRegistry registry) throws Exception {
        CoreKeys.register(registry);
        work = Files.createTempDirectory("bank-test");
        hostKey = work.resolve("host.key");
        bank = EmbeddedSftpServer.start(work.resolve("sftp"), hostKey, 0, "bank", "s3cret-pass");
        port = bank.port();
        Files.createDirectories(bank.root().resolve("outbox"));
        Path knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, bank.knownHostsLine() + "\n");
        registry.add("hub.bank.sftp.host", () -> "127.0.0.1");
        registry.add("hub.bank.sftp.port", () -> port);
        registry.add("hub.bank.sftp.user", () -> "bank");
        registry.add("hub.bank.sftp.password", () -> "s3cret-pass");
        registry.add("hub.bank.sftp.known-hosts", knownHosts::toString);
        registry.add("hub.bank.state-dir", () -> work.resolve("state").toString());
    }

    @AfterAll
    static void stop() throws Exception {
        bank.close();
    }

    static PaymentInstruction instruction(String amount) {
        String id = "SH" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return new PaymentInstruction(id, "acme", new PaymentInstruction.Payee("Acme Import LLC", "40702810900000000001",
                "044525225", "7701234567"), Money.of(amount, "RUB"), "Payout of marketplace sales", LocalDate.of(2026, 3, 21));
    }

    void send(String json) {
        jms.send(Addresses.PAYMENT_INSTRUCTIONS, session -> CoreKeys.signed(session, json));
    }

    Path outboxFile(PaymentInstruction instruction) {
        return bank.root().resolve("outbox").resolve("pain001-" + instruction.instructionId() + ".xml");
    }

    @Test
    void an_instruction_lands_on_the_bank_sftp_as_a_valid_pain001_file_once() throws Exception {
        PaymentInstruction instruction = instruction("1297.19");
        send(instruction.toJson());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outboxFile(instruction)));
        String xml = Files.readString(outboxFile(instruction));
        Pain001Schema.validate(xml);
        assertThat(xml).contains("<EndToEndId>" + instruction.instructionId() + "</EndToEndId>")
                .contains("<InstdAmt Ccy=\"RUB\">1297.19</InstdAmt>");

        // The bank takes the file away; a redelivery of the same instruction must not send it again.
        Files.move(outboxFile(instruction), bank.root().resolve("taken-" + instruction.instructionId()));
        PaymentInstruction marker = instruction("1.00");
        send(instruction.toJson());
        send(marker.toJson());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outboxFile(marker)));
        assertThat(outboxFile(instruction)).doesNotExist();
        try (var files = Files.list(bank.root().resolve("outbox"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".uploading-"));
        }

        // What was sent survives a restart: a fresh repository over the same file knows the instruction.
        FileIdempotentRepository reopened = new FileIdempotentRepository(
                new File(work.resolve("state").toFile(), "bank-sent-instructions.dat"), new java.util.HashMap<>());
        reopened.start();
        assertThat(reopened.contains(instruction.instructionId() + ":default")).isTrue();
        reopened.stop();
    }

    /** What a connector killed between putting a file on the bank's server and recording it leaves behind. */
    void interruptedUploadOf(PaymentInstruction instruction) throws Exception {
        Path attempts = Files.createDirectories(work.resolve("state").resolve("bank-upload-attempts"));
        Files.createFile(attempts.resolve(instruction.instructionId() + "@default"));
    }

    @Test
    void an_upload_interrupted_after_the_file_reached_the_bank_is_not_sent_again(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        PaymentInstruction instruction = instruction("310.00");
        interruptedUploadOf(instruction);
        Files.writeString(outboxFile(instruction), "<Document>the file the interrupted upload put there</Document>");

        send(instruction.toJson());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(output.getAll())
                .contains("pain001-" + instruction.instructionId() + ".xml was already in default's outbox"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(work.resolve("state/bank-upload-attempts/"
                + instruction.instructionId() + "@default")));
        assertThat(output.getAll()).doesNotContain("uploaded pain001-" + instruction.instructionId());
        assertThat(Files.readString(outboxFile(instruction))).contains("the file the interrupted upload put there");
    }

    @Test
    void an_upload_interrupted_whose_file_is_gone_is_dead_lettered_for_a_person_and_sent_when_replayed() throws Exception {
        PaymentInstruction instruction = instruction("420.00");
        interruptedUploadOf(instruction);   // and the bank has collected the file since: the outbox does not have it

        send(instruction.toJson());

        jms.setReceiveTimeout(20_000);
        Message dead = jms.receiveSelected(Addresses.PAYMENT_INSTRUCTIONS_DLQ,
                MessageHeaders.FAILURE_REASON + " LIKE 'instruction " + instruction.instructionId() + "%'");
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty(MessageHeaders.FAILURE_REASON)).startsWith("instruction " + instruction.instructionId()
                + ": an upload of pain001-" + instruction.instructionId() + ".xml to default was interrupted before it was recorded")
                .contains("the bank may have collected it already");
        assertThat(outboxFile(instruction)).doesNotExist();

        send(instruction.toJson());   // an operator checked with the bank and replays it
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outboxFile(instruction)));
        Pain001Schema.validate(Files.readString(outboxFile(instruction)));
    }

    @Test
    void an_instruction_settlement_core_did_not_sign_is_refused_and_no_file_is_written() throws Exception {
        PaymentInstruction unsigned = instruction("99999.00");
        jms.send(Addresses.PAYMENT_INSTRUCTIONS, session -> session.createTextMessage(unsigned.toJson()));
        PaymentInstruction altered = instruction("10.00");
        String raised = altered.toJson().replace("\"10.00\"", "\"99999.00\"");
        jms.send(Addresses.PAYMENT_INSTRUCTIONS, session -> {
            var message = CoreKeys.signed(session, altered.toJson());
            message.setText(raised);   // the core's signature over another body
            return message;
        });
        PaymentInstruction marker = instruction("1.00");
        send(marker.toJson());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outboxFile(marker)));

        jms.setReceiveTimeout(20_000);
        for (PaymentInstruction forged : java.util.List.of(unsigned, altered)) {
            Message dead = jms.receiveSelected(Addresses.PAYMENT_INSTRUCTIONS_DLQ, MessageHeaders.REFUSED + " = TRUE");
            assertThat(dead).as("refused %s", forged.instructionId()).isNotNull();
            assertThat(dead.getStringProperty(MessageHeaders.FAILURE_REASON)).startsWith("refused payment instruction: ");
            assertThat(outboxFile(forged)).doesNotExist();
        }
        try (var files = Files.list(bank.root().resolve("outbox"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(unsigned.instructionId())
                    || n.contains(altered.instructionId()));
        }
    }

    @Test
    void an_invalid_instruction_goes_to_the_dead_letter_queue_with_the_reason() throws Exception {
        send("{\"instructionId\": \"SHBAD\", \"clientId\": \"acme\"}");
        jms.setReceiveTimeout(20_000);
        Message dead = jms.receive(Addresses.PAYMENT_INSTRUCTIONS_DLQ);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty(MessageHeaders.FAILURE_REASON)).isEqualTo("invalid payment instruction: payee: is required");
    }

    @Test
    void an_sftp_outage_is_retried_until_the_bank_is_back(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        bank.close();
        PaymentInstruction instruction = instruction("250.00");
        send(instruction.toJson());
        await("the circuit opens while the bank is down").atMost(Duration.ofSeconds(20))
                .until(() -> breakers.circuitBreaker("bank-sftp").getState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
        assertThat(outboxFile(instruction)).doesNotExist();
        bank = EmbeddedSftpServer.start(work.resolve("sftp"), hostKey, port, "bank", "s3cret-pass");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(outboxFile(instruction)));
        Pain001Schema.validate(Files.readString(outboxFile(instruction)));
        // the file is renamed into place a moment before the route logs the upload
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getAll()).as("the upload was logged")
                .contains("uploaded pain001-" + instruction.instructionId()));
        assertThat(output.getAll()).as("the SFTP password never appears in the logs").doesNotContain("s3cret-pass");
    }

    @Test
    void a_statement_in_the_inbox_books_our_payment_and_a_broken_one_is_set_aside_while_the_rest_is_read() throws Exception {
        PaymentInstruction instruction = instruction("1500.00");
        send(instruction.toJson());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outboxFile(instruction)));

        Path inbox = Files.createDirectories(bank.root().resolve("inbox"));
        String statement = new String(getClass().getResourceAsStream("/iso20022/camt053-statement.xml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("{{E2E}}", instruction.instructionId());
        Files.writeString(inbox.resolve("broken-20261126.xml"), statement.substring(0, statement.length() / 2));
        Files.createFile(inbox.resolve("empty-20261126.xml"));   // zero bytes: set aside with its reason, not waited on
        Files.writeString(inbox.resolve("camt053-20261126.xml"), statement);

        jms.setReceiveTimeout(500);
        java.util.List<io.settlehub.contract.CanonicalEvent> events = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message message;
            while ((message = jms.receive(Addresses.EVENTS)) != null) {
                events.add(io.settlehub.contract.EventCodec.decode(((jakarta.jms.TextMessage) message).getText()));
            }
            return events.size() >= 2;
        });
        assertThat(events).extracting(io.settlehub.contract.CanonicalEvent::eventId, io.settlehub.contract.CanonicalEvent::clientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bank:" + instruction.instructionId() + ":BOOKED", "acme"),
                        org.assertj.core.groups.Tuple.tuple("bank:40702810000000000099-20261126:2", "acme"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(inbox.resolve("processed")) == 1 && count(inbox.resolve("error")) == 2);
        assertThat(inbox.resolve("camt053-20261126.xml")).doesNotExist();
        java.util.List<String> reasons = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Message message;
            while ((message = jms.receive(Addresses.UNMAPPED)) != null) {
                reasons.add(message.getStringProperty(MessageHeaders.FAILURE_REASON));
            }
            return reasons.size() >= 3;
        });
        assertThat(reasons).anyMatch(r -> r.startsWith("broken-20261126.xml") && r.contains("camt.053"))
                .anyMatch(r -> r.equals("empty-20261126.xml is empty (0 bytes): not a statement"))
                .anyMatch(r -> r.startsWith("debit 115.00 RUB (entry 3)"));
    }

    static long count(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
