package io.settlehub.filedrop.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.filedrop.mapping.ReportMapping;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FileDropConfiguration {

    @Bean
    ReportMapping reportMapping(FileDropProperties properties, MeterRegistry registry) {
        return new ReportMapping(properties, new FeedMetrics(registry, Clock.systemUTC()));
    }
}
