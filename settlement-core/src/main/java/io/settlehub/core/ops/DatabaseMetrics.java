package io.settlehub.core.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.settlehub.core.settlement.store.FactRepository;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What an operator watches in the database, refreshed every {@code hub.ops.db-metrics-interval}: parked events by kind
 * ({@code hub_parked_events{kind}}), the age of the oldest message the outbox has not published yet
 * ({@code hub_outbox_oldest_unpublished_seconds}), and per source the time since its last event arrived
 * ({@code hub_source_last_event_age_seconds{source}}).
 */
@Component
public class DatabaseMetrics {

    private final JdbcTemplate jdbc;
    private final FactRepository facts;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    public DatabaseMetrics(JdbcTemplate jdbc, FactRepository facts, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.registry = registry;
        this.clock = clock;
        gauge("hub.parked.events", "kind", "WAITING");
        gauge("hub.parked.events", "kind", "CONFLICT");
        Gauge.builder("hub.outbox.oldest.unpublished.seconds", values, v -> v.getOrDefault("outbox", 0.0)).register(registry);
    }

    private void gauge(String name, String tag, String value) {
        String key = name + "/" + value;
        values.putIfAbsent(key, 0.0);
        Gauge.builder(name, values, v -> v.getOrDefault(key, 0.0)).tag(tag, value).register(registry);
    }

    @Scheduled(fixedDelayString = "${hub.ops.db-metrics-interval:15s}", initialDelay = 2000)
    public void refresh() {
        values.put("hub.parked.events/WAITING", 0.0);
        values.put("hub.parked.events/CONFLICT", 0.0);
        jdbc.query("select kind, count(*) from parked_event group by kind", rs -> {
            values.put("hub.parked.events/" + rs.getString(1), rs.getDouble(2));
        });
        java.sql.Timestamp oldest = jdbc.queryForObject("select min(created_at) from outbox where published_at is null", java.sql.Timestamp.class);
        values.put("outbox", oldest == null ? 0.0 : (clock.millis() - oldest.getTime()) / 1000.0);
        for (FactRepository.SourceSeen source : facts.sources()) {
            String key = "hub.source.last.event.age.seconds/" + source.source();
            if (!values.containsKey(key)) {
                gauge("hub.source.last.event.age.seconds", "source", source.source());
            }
            values.put(key, (clock.millis() - source.lastReceivedAt().toEpochMilli()) / 1000.0);
        }
    }
}
