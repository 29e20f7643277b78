package io.settlehub.bank.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.outbound.BatchStore;
import io.settlehub.bank.outbound.InstructionAuthenticity;
import io.settlehub.bank.outbound.PaymentFileBuilder;
import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.bank.upload.CrashSafeUpload;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instruction route's branches with the broker and the bank's server replaced (AdviceWith, MockEndpoint, a mocked
 * upload): a signed instruction is written and uploaded once, however often it arrives; an unsigned or altered one is
 * refused; a malformed one is dead-lettered with the reason; one for a batching bank waits on disk; an upload that keeps
 * failing is retried, then dead-lettered; an upload of uncertain outcome is dead-lettered at once for a person.
 */
class PaymentInstructionsRouteTest {

    private static final String[] KEYS = MessageSignatures.newKeyPair();
    private static final MessageSignatures.Signer CORE = MessageSignatures.signer(KEYS[0], "test key");
    private static final String ROUTE = "bank-payment-instructions-upload";

    @TempDir
    Path state;

    private final CrashSafeUpload upload = mock(CrashSafeUpload.class);
    private DefaultCamelContext camel;
    private BatchStore batches;

    private MockEndpoint start(BankProperties.BankProfile... banks) throws Exception {
        BankProperties bank = new BankProperties(null, null, state.toString(), List.of(), List.of(banks), null);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T07:00:00Z"), ZoneOffset.UTC);
        SentInstructions sent = new SentInstructions(state.resolve("sent.json"));
        batches = new BatchStore(state.resolve("batches"), clock);
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new MockComponent());
        camel.getPropertiesComponent().setInitialProperties(properties(Map.of("hub.bank.upload.max-redeliveries", "2",
                "hub.bank.upload.redelivery-delay", "1", "hub.bank.upload.max-redelivery-delay", "5")));
        camel.addRoutes(new PaymentInstructionsRoute(new MemoryIdempotentRepository(), sent,
                new InstructionAuthenticity(MessageSignatures.verifier(KEYS[1], "test key"), sent), new PaymentFileBuilder(bank, sent, clock),
                batches, upload));
        AdviceWith.adviceWith(camel, ROUTE, route -> route.replaceFromWith("direct:instructions"));
        camel.start();
        return camel.getEndpoint("jms:queue:" + Addresses.PAYMENT_INSTRUCTIONS_DLQ, MockEndpoint.class);
    }

    private static java.util.Properties properties(Map<String, String> values) {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(values);
        return properties;
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    private static BankProperties.BankProfile bank(String name, Duration batchInterval) {
        return new BankProperties.BankProfile(name, BankProperties.Format.ISO20022, new BankProperties.Sftp("127.0.0.1", 22, "bank",
                "pw", null, "/dev/null", "outbox", "inbox"), new BankProperties.Debtor("Settlehub LLC", "40702810000000000099",
                "044525225", "7700000000"), Set.of(), Set.of(), null, batchInterval, null, null);
    }

    private static PaymentInstruction instruction(String id) {
        return new PaymentInstruction(id, "acme", new PaymentInstruction.Payee("Acme Import LLC", "40702810900000000001", "044525225",
                "7701234567"), Money.of("1297.19", "RUB"), "Payout of marketplace sales", LocalDate.of(2026, 12, 1));
    }

    private void send(String json, String signature) {
        camel.createProducerTemplate().send("direct:instructions", exchange -> {
            exchange.getMessage().setBody(json);
            if (signature != null) {
                exchange.getMessage().setHeader(MessageHeaders.SIGNATURE, signature);
            }
        });
    }

    private static String reasonOf(MockEndpoint dlq, int i) {
        return dlq.getReceivedExchanges().get(i).getMessage().getHeader(MessageHeaders.FAILURE_REASON, String.class);
    }

    @Test
    void a_signed_instruction_is_written_and_uploaded_once_however_often_it_arrives() throws Exception {
        MockEndpoint dlq = start(bank("alfa", null));
        String json = instruction("SH0001").toJson();

        send(json, CORE.sign(json));
        send(json, CORE.sign(json));

        verify(upload, times(1)).upload(any(Exchange.class));
        verify(upload, times(1)).recorded(any(Exchange.class));
        assertThat(dlq.getReceivedCounter()).isZero();
    }

    @Test
    void an_unsigned_or_altered_instruction_is_refused_and_nothing_is_uploaded() throws Exception {
        MockEndpoint dlq = start(bank("alfa", null));
        String json = instruction("SH0002").toJson();

        send(json, null);
        send(json.replace("1297.19", "9297.19"), CORE.sign(json));

        verify(upload, never()).upload(any(Exchange.class));
        assertThat(dlq.getReceivedCounter()).isEqualTo(2);
        assertThat(reasonOf(dlq, 0)).startsWith("refused payment instruction: not signed by settlement-core");
        assertThat(reasonOf(dlq, 1)).contains("forged or altered");
        assertThat(dlq.getReceivedExchanges().get(1).getMessage().getHeader(MessageHeaders.REFUSED, Boolean.class)).isTrue();
    }

    @Test
    void a_malformed_instruction_is_dead_lettered_with_the_field_named() throws Exception {
        MockEndpoint dlq = start(bank("alfa", null));
        String json = instruction("SH0003").toJson().replace("\"amount\":\"1297.19\"", "\"amount\":\"-5\"");

        send(json, CORE.sign(json));

        verify(upload, never()).upload(any(Exchange.class));
        assertThat(reasonOf(dlq, 0)).startsWith("invalid payment instruction:").contains("amount");
    }

    @Test
    void an_instruction_for_a_batching_bank_waits_on_disk_for_the_next_batch() throws Exception {
        MockEndpoint dlq = start(bank("vtb", Duration.ofMinutes(5)));
        String json = instruction("SH0004").toJson();

        send(json, CORE.sign(json));

        verify(upload, never()).upload(any(Exchange.class));
        assertThat(batches.next("vtb")).hasValueSatisfying(batch -> assertThat(batch.instructions()).hasSize(1));
        assertThat(dlq.getReceivedCounter()).isZero();
    }

    @Test
    void an_upload_that_keeps_failing_is_retried_then_dead_lettered_and_an_uncertain_one_at_once() throws Exception {
        MockEndpoint dlq = start(bank("alfa", null));
        doThrow(new IOException("connection refused")).when(upload).upload(any(Exchange.class));
        String json = instruction("SH0005").toJson();

        send(json, CORE.sign(json));

        verify(upload, times(3)).upload(any(Exchange.class));
        verify(upload, never()).recorded(any(Exchange.class));
        assertThat(reasonOf(dlq, 0)).isEqualTo("upload failed after retries: connection refused");

        doThrow(new CrashSafeUpload.UncertainUploadException("the bank may have it")).when(upload).upload(any(Exchange.class));
        String other = instruction("SH0006").toJson();
        send(other, CORE.sign(other));
        verify(upload, times(4)).upload(any(Exchange.class));
        assertThat(reasonOf(dlq, 1)).isEqualTo("the bank may have it");
    }
}
