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
