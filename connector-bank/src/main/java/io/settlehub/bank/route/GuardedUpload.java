package io.settlehub.bank.route;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.settlehub.bank.config.BankProperties;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Uploads to the bank's SFTP server behind a circuit breaker (instance {@code bank-sftp}, thresholds in
 * configuration): while the bank is down, uploads fail fast and the route's redelivery backoff waits instead of
 * hammering the server; the message stays unacknowledged until it is uploaded.
 */
@Component
public class GuardedUpload {

    private final ProducerTemplate producer;
    private final String uri;
    private final CircuitBreaker breaker;

    public GuardedUpload(ProducerTemplate producer, BankProperties bank, CircuitBreakerRegistry breakers) {
        this.producer = producer;
        this.uri = bank.sftp().uploadUri();
        this.breaker = breakers.circuitBreaker("bank-sftp");
    }

    public void upload(Exchange exchange) throws Exception {
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
