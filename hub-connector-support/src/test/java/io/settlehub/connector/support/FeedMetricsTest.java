package io.settlehub.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class FeedMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedMetrics metrics = new FeedMetrics(registry, Clock.systemUTC());

    @Test
    void a_failed_poll_is_counted_by_what_an_operator_would_do_about_it() {
        assertThat(metrics.failed("ozon", "acme", new PartnerUnavailableException("503"))).isEqualTo("unavailable");
        assertThat(metrics.failed("ozon", "acme", new PartnerRejectedException("401"))).isEqualTo("rejected");
        assertThat(metrics.failed("ozon", "acme", new PartnerFormatException("not json"))).isEqualTo("format");
        assertThat(metrics.failed("ozon", "acme", new org.springframework.jms.UncategorizedJmsException("publish",
                new jakarta.jms.JMSException("AMQ219010: connection failed")))).isEqualTo("broker");
        assertThat(metrics.failed("ozon", "acme", new IllegalStateException("bug"))).isEqualTo("other");
        assertThat(registry.find("hub.feed.errors").tag("kind", "broker").counters()).isNotEmpty();
    }
}
