package io.settlehub.marketplace.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.settlehub.marketplace.feed.WatermarkStore;
import io.settlehub.marketplace.feed.WildberriesFeed;
import io.settlehub.marketplace.partner.wildberries.WildberriesClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WildberriesConfiguration {

    static final String RESILIENCE_INSTANCE = "wildberries";

    @Bean
    WildberriesClient wildberriesClient(WildberriesProperties wb, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        return new WildberriesClient(wb.api(), wb.apiUrl(), wb.requestTimeout(), retries.retry(RESILIENCE_INSTANCE),
                breakers.circuitBreaker(RESILIENCE_INSTANCE));
    }

    @Bean
    WildberriesFeed wildberriesFeed(WildberriesProperties wb, WildberriesClient client, RateLimiterRegistry limiters,
                                    WatermarkStore store, Clock clock) {
        return new WildberriesFeed(wb, client, limiters, store, clock);
    }
}
