package io.settlehub.connector.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per feed and client: events published, unmapped records, errors, last successful poll and lag. */
public class FeedMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> watermarkEpoch = new ConcurrentHashMap<>();

    public FeedMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void polled(String feed, String clientId, long events, long unmapped, Instant watermark) {
        Tags tags = Tags.of("feed", feed, "client", clientId);
        registry.counter("hub.feed.events.published", tags).increment(events);
        registry.counter("hub.feed.records.unmapped", tags).increment(unmapped);
        gauge("hub.feed.last.success.epoch.seconds", lastSuccess, feed, clientId).set(clock.instant().getEpochSecond());
        watermarkEpoch.computeIfAbsent(feed + "/" + clientId, k -> {
            AtomicLong epoch = new AtomicLong();
            registry.gauge("hub.feed.lag.seconds", tags, epoch, w -> Math.max(0, clock.instant().getEpochSecond() - w.get()));
            return epoch;
        }).set(watermark.getEpochSecond());
    }

    public void failed(String feed, String clientId, String kind) {
        registry.counter("hub.feed.errors", Tags.of("feed", feed, "client", clientId, "kind", kind)).increment();
    }

    /** Counts a failed poll by what failed, and answers that kind: unavailable, format, rejected or other. */
    public String failed(String feed, String clientId, Exception cause) {
        String kind = cause instanceof PartnerUnavailableException ? "unavailable"
                : cause instanceof PartnerFormatException ? "format"
                : cause instanceof PartnerRejectedException ? "rejected"
                : cause.getClass().getName().equals("io.github.resilience4j.circuitbreaker.CallNotPermittedException") ? "circuit-open"
                : brokerFailure(cause) ? "broker" : "other";
        failed(feed, clientId, kind);
        return kind;
    }

    private static boolean brokerFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof jakarta.jms.JMSException || t instanceof org.springframework.jms.JmsException) {
                return true;
            }
        }
        return false;
    }

    private AtomicLong gauge(String name, Map<String, AtomicLong> values, String feed, String clientId) {
        // one gauge per feed and client, registered on first use
        return values.computeIfAbsent(feed + "/" + clientId,
                k -> registry.gauge(name, Tags.of("feed", feed, "client", clientId), new AtomicLong()));
    }
}
