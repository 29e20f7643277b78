package io.settlehub.bank.config;

import java.io.File;
import java.time.Clock;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class BankConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    io.settlehub.bank.outbound.SentInstructions sentInstructionClients(BankProperties bank) {
        return new io.settlehub.bank.outbound.SentInstructions(new File(bank.stateDir(), "bank-instruction-clients.tsv").toPath());
    }

    /** Pays only what settlement-core signed: its public key, {@code HUB_CORE_VERIFY_KEY} (docs/security.md, "Keys"). */
    @Bean
    io.settlehub.bank.outbound.InstructionAuthenticity instructionAuthenticity(
            @org.springframework.beans.factory.annotation.Value("${hub.bank.core-verify-key:}") String coreKey,
            io.settlehub.bank.outbound.SentInstructions sent) {
        io.settlehub.contract.MessageSignatures.Verifier verifier;
        try {
            verifier = io.settlehub.contract.MessageSignatures.verifier(coreKey, "HUB_CORE_VERIFY_KEY");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + ": connector-bank writes a payment file only for an instruction"
                    + " settlement-core signed, checked with settlement-core's public key (docs/security.md, \"Keys\")");
        }
        return new io.settlehub.bank.outbound.InstructionAuthenticity(verifier, sent);
    }

    @Bean
    io.settlehub.bank.inbound.StatementFiles statementFiles(BankProperties bank, io.settlehub.bank.outbound.SentInstructions sent,
                                                           io.micrometer.core.instrument.MeterRegistry registry, Clock clock) {
        return new io.settlehub.bank.inbound.StatementFiles(bank, sent, new io.settlehub.connector.support.FeedMetrics(registry, clock));
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("!'${hub.cbr.url:}'.isBlank()")
    io.settlehub.bank.inbound.CbrRatesFeed cbrRatesFeed(org.springframework.core.env.Environment env, BankProperties bank,
                                                        io.github.resilience4j.retry.RetryRegistry retries,
                                                        io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers,
                                                        io.micrometer.core.instrument.MeterRegistry registry, Clock clock) {
        io.settlehub.bank.partner.cbr.CbrClient client = new io.settlehub.bank.partner.cbr.CbrClient(env.getRequiredProperty("hub.cbr.url"),
                java.time.Duration.ofSeconds(30), retries.retry("cbr"), breakers.circuitBreaker("cbr"));
        java.util.Set<String> currencies = java.util.Set.of(env.getProperty("hub.cbr.currencies", "CNY,USD,EUR").split(","));
        return new io.settlehub.bank.inbound.CbrRatesFeed(client, currencies, java.time.LocalDate.parse(env.getProperty("hub.cbr.start-date",
                "2026-01-01")), env.getProperty("hub.cbr.max-days-per-run", Integer.class, 60), new File(bank.stateDir(), "cbr-rates.txt").toPath(),
                clock);
    }

    @Bean
    io.settlehub.bank.outbound.BatchStore batchStore(BankProperties bank, Clock clock) {
        return new io.settlehub.bank.outbound.BatchStore(new File(bank.stateDir(), "bank-batches").toPath(), clock);
    }

    @Bean
    io.settlehub.bank.upload.UploadAttempts uploadAttempts(BankProperties bank) {
        return new io.settlehub.bank.upload.UploadAttempts(new File(bank.stateDir(), "bank-upload-attempts").toPath());
    }

    /** Every instruction uploaded, kept in a file so that a restart remembers it. */
    @Bean
    IdempotentRepository sentInstructions(BankProperties bank) {
        File store = new File(bank.stateDir(), "bank-sent-instructions.dat");
        store.getParentFile().mkdirs();
        FileIdempotentRepository repository = new FileIdempotentRepository(store, new java.util.HashMap<>());
        repository.setMaxFileStoreSize(64L * 1024 * 1024);
        return repository;
    }
}
