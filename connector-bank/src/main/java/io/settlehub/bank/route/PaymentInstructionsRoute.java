package io.settlehub.bank.route;

import io.settlehub.bank.outbound.BatchFlusher;
import io.settlehub.bank.outbound.BatchStore;
import io.settlehub.bank.outbound.PaymentFileBuilder;
import io.settlehub.bank.upload.CrashSafeUpload;
import io.settlehub.bank.upload.GuardedUpload;
import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.bank.outbound.InstructionAuthenticity;
import io.settlehub.bank.outbound.RefusedInstructionException;
import io.settlehub.bank.formats.iso20022.Pain001Schema.InvalidPaymentFileException;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.MessageHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.stereotype.Component;

/**
 * hub.payments.instructions → the bank that pays it: a file of its own (pain.001 or 1C client-bank) in that bank's
 * SFTP outbox at once, or, for a batching bank, a place in its next batch ({@link BatchStore}, {@link BatchFlusher}). The JMS session is transacted: the
 * message is acknowledged only once the file is uploaded (or dead-lettered with its reason). Uploads pass a
 * circuit breaker ({@link GuardedUpload}) and are redelivered with exponential backoff. The upload goes
 * to a temporary name renamed when complete, and the persistent idempotent repository remembers every
 * instruction uploaded, so a redelivery or a restart never sends one twice; an upload interrupted by the connector
 * stopping is resolved by {@link CrashSafeUpload}. Only instructions settlement-core signed are paid
 * ({@link InstructionAuthenticity}); any other is dead-lettered as refused, before anything is written.
 */
@Component
public class PaymentInstructionsRoute extends RouteBuilder {

    private final IdempotentRepository sentInstructions;
    private final SentInstructions sentClients;
    private final InstructionAuthenticity authenticity;
    private final PaymentFileBuilder files;
    private final BatchStore batches;
    private final CrashSafeUpload upload;

    public PaymentInstructionsRoute(IdempotentRepository sentInstructions, SentInstructions sentClients,
                                    InstructionAuthenticity authenticity, PaymentFileBuilder files, BatchStore batches, CrashSafeUpload upload) {
        this.sentInstructions = sentInstructions;
        this.sentClients = sentClients;
        this.authenticity = authenticity;
        this.files = files;
        this.batches = batches;
        this.upload = upload;
    }

    @Override
    public void configure() {
        String deadLetters = "jms:queue:" + Addresses.PAYMENT_INSTRUCTIONS_DLQ;

        onException(InvalidMessageException.class, InvalidPaymentFileException.class)
                .handled(true)
                .setHeader(MessageHeaders.FAILURE_REASON, simple("invalid payment instruction: ${exception.message}"))
                .log("dead-lettering payment instruction: ${header." + MessageHeaders.FAILURE_REASON + "}")
                .to(deadLetters);

        onException(RefusedInstructionException.class)
                .handled(true)
                .setHeader(MessageHeaders.FAILURE_REASON, simple("refused payment instruction: ${exception.message}"))
                .setHeader(MessageHeaders.REFUSED, constant(true))
                .log(org.apache.camel.LoggingLevel.ERROR, "refused a payment instruction: ${header." + MessageHeaders.FAILURE_REASON + "}")
                .to(deadLetters);

        onException(CrashSafeUpload.UncertainUploadException.class)
                .handled(true)
                .setHeader(MessageHeaders.FAILURE_REASON, simple("${exception.message}"))
                .log(org.apache.camel.LoggingLevel.ERROR, "dead-lettering payment instruction: ${header." + MessageHeaders.FAILURE_REASON + "}")
                .to(deadLetters);

        onException(Exception.class)
                .maximumRedeliveries("{{hub.bank.upload.max-redeliveries}}")
                .redeliveryDelay("{{hub.bank.upload.redelivery-delay}}")
                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay("{{hub.bank.upload.max-redelivery-delay}}")
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .handled(true)
                .setHeader(MessageHeaders.FAILURE_REASON, simple("upload failed after retries: ${exception.message}"))
                .to(deadLetters);

        from("jms:queue:" + Addresses.PAYMENT_INSTRUCTIONS + "?transacted=true&concurrentConsumers=1")
                .routeId("bank-payment-instructions-upload")
                .convertBodyTo(String.class)
                .process(exchange -> authenticity.check(exchange.getMessage()))
                .process(exchange -> {
                    PaymentFileBuilder.Routed routed = files.route(exchange.getMessage().getBody(String.class),
                            exchange.getMessage().getHeader(MessageHeaders.EXCLUDE_BANKS, String.class));
                    exchange.getMessage().setHeader(MessageHeaders.INSTRUCTION_ID, routed.instructionId());
                    exchange.getMessage().setHeader(MessageHeaders.CLIENT_ID, routed.clientId());
                    exchange.getMessage().setHeader(MessageHeaders.BANK, routed.bankName());
                    exchange.getMessage().setBody(routed);
                })
                .choice()
                    .when(exchange -> exchange.getMessage().getBody(PaymentFileBuilder.Routed.class).batched())
                        // kept on disk before the message is acknowledged; the bank's batch route sends it
                        .process(exchange -> {
                            PaymentFileBuilder.Routed routed = exchange.getMessage().getBody(PaymentFileBuilder.Routed.class);
                            batches.enqueue(routed.bankName(), routed.instructionId(), routed.json());
                        })
                        .log("queued instruction ${header." + MessageHeaders.INSTRUCTION_ID + "} for ${header." + MessageHeaders.BANK
                                + "}'s next batch")
                    .otherwise()
                        .idempotentConsumer(simple("${header." + MessageHeaders.INSTRUCTION_ID + "}:${header." + MessageHeaders.BANK + "}"),
                                sentInstructions).eager(false)
                            .process(exchange -> {
                                PaymentFileBuilder.PaymentFile file = files.single(exchange.getMessage().getBody(PaymentFileBuilder.Routed.class));
                                exchange.setProperty("file", file);
                                exchange.getMessage().setHeader(Exchange.FILE_NAME, file.fileName());
                                exchange.getMessage().setBody(file.content());
                            })
                            .process(upload::upload)
                            .process(exchange -> exchange.getProperty("file", PaymentFileBuilder.PaymentFile.class)
                                    .recordIn(sentClients))
                            .process(upload::recorded)
                        .end()
                .end();
    }
}
