package io.settlehub.bank.route;

import io.settlehub.bank.inbound.SentInstructions;
import io.settlehub.bank.partner.iso20022.Pain001Schema.InvalidPaymentFileException;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.MessageHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.stereotype.Component;

/**
 * hub.payments.instructions → the file of the bank that pays it (pain.001 or 1C client-bank) → that bank's SFTP outbox. The JMS session is transacted: the
 * message is acknowledged only once the file is uploaded (or dead-lettered with its reason). Uploads pass a
 * circuit breaker ({@link GuardedUpload}) and are redelivered with exponential backoff. The upload goes
 * to a temporary name renamed when complete, and the persistent idempotent repository remembers every
 * instruction uploaded, so a redelivery or a restart never sends one twice.
 */
@Component
public class PaymentInstructionsRoute extends RouteBuilder {

    private final IdempotentRepository sentInstructions;

    public PaymentInstructionsRoute(IdempotentRepository sentInstructions) {
        this.sentInstructions = sentInstructions;
    }

    @Override
    public void configure() {
        String deadLetters = "jms:queue:" + Addresses.PAYMENT_INSTRUCTIONS_DLQ;

        onException(InvalidMessageException.class, InvalidPaymentFileException.class)
                .handled(true)
                .setHeader(MessageHeaders.FAILURE_REASON, simple("invalid payment instruction: ${exception.message}"))
                .log("dead-lettering payment instruction: ${header." + MessageHeaders.FAILURE_REASON + "}")
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
                .setProperty("json", body())
                .bean(PaymentFileBuilder.class, "build(${body}, ${header.excludeBanks})")
                .setHeader("instructionId", simple("${body.instructionId}"))
                .setHeader("clientId", simple("${body.clientId}"))
                .setHeader("bank", simple("${body.bank}"))
                .idempotentConsumer(simple("${header.instructionId}:${header.bank}"), sentInstructions).eager(false)
                    .setHeader(Exchange.FILE_NAME, simple("${body.fileName}"))
                    .setProperty("file", body())
                    .setBody(simple("${body.content}"))
                    .bean(GuardedUpload.class)
                    .bean(SentInstructions.class, "keep(${header.instructionId}, ${exchangeProperty.json})")
                    .bean(SentInstructions.class, "sent(${header.instructionId}, ${header.clientId}, ${header.bank}, "
                            + "${exchangeProperty.file.documentNumber}, ${exchangeProperty.file.documentDate})")
                    .log("uploaded ${header.CamelFileName} to ${header.bank} for instruction ${header.instructionId}")
                .end();
    }
}
