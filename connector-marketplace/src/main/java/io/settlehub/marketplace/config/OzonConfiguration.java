package io.settlehub.marketplace.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.marketplace.feed.OzonFeed;
import io.settlehub.marketplace.feed.OzonRealizationFeed;
import io.settlehub.marketplace.feed.WatermarkStore;
import io.settlehub.marketplace.partner.ozon.OzonSellerClient;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OzonConfiguration {

    static final String RESILIENCE_INSTANCE = "ozon";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OzonSellerClient ozonSellerClient(OzonProperties ozon, RetryRegistry retries, CircuitBreakerRegistry breakers,
                                      RateLimiterRegistry limiters) {
        return new OzonSellerClient(ozon.apiUrl(), ozon.requestTimeout(), retries.retry(RESILIENCE_INSTANCE),
                breakers.circuitBreaker(RESILIENCE_INSTANCE), limiters.rateLimiter(RESILIENCE_INSTANCE));
    }

    @Bean
    WatermarkStore watermarkStore(OzonProperties ozon) {
        return new WatermarkStore(Path.of(ozon.stateDir()));
    }

    @Bean
    OzonFeed ozonFeed(OzonProperties ozon, OzonSellerClient client, WatermarkStore store, MeterRegistry registry, Clock clock) {
        return new OzonFeed(ozon, client, store, clock);
    }

    @Bean
    OzonRealizationFeed ozonRealizationFeed(OzonProperties ozon, OzonSellerClient client, WatermarkStore store, Clock clock) {
        return new OzonRealizationFeed(ozon, client, store, clock);
    }
}
