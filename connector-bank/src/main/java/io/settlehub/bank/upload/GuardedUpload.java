package io.settlehub.bank.upload;

import io.settlehub.contract.MessageHeaders;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.settlehub.bank.config.BankProperties;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Uploads to the SFTP server of the bank named in the {@code bank} header, behind that bank's circuit breaker
 * ({@code bank-sftp} for the default bank, {@code bank-sftp-<name>} for others, all with the thresholds of
 * {@code bank-sftp}): while a bank is down, its uploads fail fast and the route's redelivery backoff waits instead of
 * hammering the server; the message stays unacknowledged until it is uploaded.
 */
@Component
public class GuardedUpload {

    private final ProducerTemplate producer;
    private final BankProperties bank;
    private final CircuitBreakerRegistry breakers;

    public GuardedUpload(ProducerTemplate producer, BankProperties bank, CircuitBreakerRegistry breakers) {
        this.producer = producer;
        this.bank = bank;
        this.breakers = breakers;
    }

    private CircuitBreaker breakerOf(String name) {
        CircuitBreaker shared = breakers.circuitBreaker("bank-sftp");
        return name.equals("default") ? shared : breakers.circuitBreaker("bank-sftp-" + name, shared.getCircuitBreakerConfig());
    }

    public void upload(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader(MessageHeaders.BANK, String.class);
        BankProperties.BankProfile to = bank.profiles().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bank profile '" + name + "'"));
        String uri = to.sftp().uploadUri();
        CircuitBreaker breaker = breakerOf(name);
        breaker.executeCallable(() -> {
            Exchange result = producer.send(uri, exchange);
            if (result.getException() != null) {
                Exception failure = result.getException();
                result.setException(null);
                throw failure;
            }
            return null;
        });
    }
}
