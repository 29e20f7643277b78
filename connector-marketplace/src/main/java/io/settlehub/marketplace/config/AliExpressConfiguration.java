package io.settlehub.marketplace.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.marketplace.feed.AliExpressFeed;
import io.settlehub.marketplace.feed.AliExpressTokens;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.marketplace.feed.WatermarkStore;
import io.settlehub.marketplace.partner.aliexpress.AliExpressClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AliExpressConfiguration {

    static final String RESILIENCE_INSTANCE = "aliexpress";

    @Bean
    AliExpressClient aliExpressClient(AliExpressProperties ae, Clock clock, RetryRegistry retries, CircuitBreakerRegistry breakers,
                                      RateLimiterRegistry limiters) {
        return new AliExpressClient(ae.apiUrl(), ae.appKey(), ae.appSecret() == null ? "" : ae.appSecret(), ae.requestTimeout(), clock,
                retries.retry(RESILIENCE_INSTANCE), breakers.circuitBreaker(RESILIENCE_INSTANCE), limiters.rateLimiter(RESILIENCE_INSTANCE));
    }

    @Bean
    AliExpressFeed aliExpressFeed(AliExpressProperties ae, AliExpressClient client, WatermarkStore store, MeterRegistry registry,
                                  Clock clock) {
        return new AliExpressFeed(ae, client, new AliExpressTokens(store.directory()), store, clock);
    }
}
