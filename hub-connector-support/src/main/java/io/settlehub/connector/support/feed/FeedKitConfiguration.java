package io.settlehub.connector.support.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.connector.support.FeedMetrics;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The feed metrics every connector's feed routes count into (the service's meter registry, its clock). */
@AutoConfiguration
public class FeedKitConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FeedMetrics feedMetrics(ObjectProvider<MeterRegistry> registry, ObjectProvider<Clock> clock) {
        return new FeedMetrics(registry.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
