package io.settlehub.carrier.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.carrier.feed.CdekFeed;
import io.settlehub.carrier.feed.TrackedOrders;
import io.settlehub.carrier.partner.cdek.CdekClient;
import io.settlehub.connector.support.FeedMetrics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CdekConfiguration {

    static final String RESILIENCE_INSTANCE = "cdek";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CdekClient cdekClient(CdekProperties cdek, Clock clock, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        return new CdekClient(cdek.apiUrl(), cdek.requestTimeout(), clock, retries.retry(RESILIENCE_INSTANCE),
                breakers.circuitBreaker(RESILIENCE_INSTANCE));
    }

    @Bean
    io.settlehub.carrier.feed.CustomsFiles customsFiles(MeterRegistry registry, Clock clock) {
        return new io.settlehub.carrier.feed.CustomsFiles(new FeedMetrics(registry, clock));
    }

    @Bean
    CdekFeed cdekFeed(CdekProperties cdek, CdekClient client, MeterRegistry registry, Clock clock) {
        return new CdekFeed(cdek, client, new TrackedOrders(cdek.stateDir()));
    }
}
