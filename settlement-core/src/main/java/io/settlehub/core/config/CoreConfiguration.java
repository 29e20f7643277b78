package io.settlehub.core.config;

import io.settlehub.core.ingest.EventBatchConsumer;
import io.settlehub.core.ingest.IngestMetrics;
import io.settlehub.core.ingest.SettlementService;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

@Configuration
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnProperty(name = "hub.events.consumer-enabled", havingValue = "true", matchIfMissing = true)
    EventBatchConsumer eventBatchConsumer(ConnectionFactory connectionFactory, SettlementService settlement, IngestMetrics metrics,
                                          @Value("${hub.events.batch-size}") int batchSize,
                                          @Value("${hub.events.batch-wait}") Duration batchWait,
                                          @Value("${hub.events.consumers}") int consumers,
                                          @Value("${hub.events.retry-initial}") Duration retryInitial,
                                          @Value("${hub.events.retry-max}") Duration retryMax,
                                          @Value("${hub.events.auto-start:true}") boolean autoStart) {
        // The consumer owns long-lived transacted sessions: it takes the broker's own factory, not the caching wrapper.
        ConnectionFactory target = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        return new EventBatchConsumer(target, settlement, metrics,
                new EventBatchConsumer.Settings(batchSize, batchWait, consumers, retryInitial, retryMax, autoStart));
    }
}
