package io.settlehub.bench;

import io.micrometer.core.instrument.Counter;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import io.settlehub.testsupport.EventStreams;
import io.settlehub.testsupport.EventPublishers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service under steady load: events offered at a fixed rate while it runs, each event's latency from its send to
 * its row in the ledger, and the balance API's latency read by a concurrent client meanwhile.
 */
final class LiveIngest {

    /** Latencies in ms; the offered and achieved send rates. */
    record Result(int events, int offeredPerSecond, double sentPerSecond, double seconds, long latencyP50, long latencyP99,
                  int latencySamples, double apiP50, double apiP99, int apiSamples, double jitSeconds) {

        void print() {
            System.out.printf("%n| under steady load (%,d events offered at %,d/s, sent at %,.0f/s, all in the ledger after %.1f s) | p50 | p99 | samples |%n",
                    events, offeredPerSecond, sentPerSecond, seconds);
            System.out.println("|---|---:|---:|---:|");
            System.out.printf("| event latency, sent → in the ledger (ms) | %d | %d | %,d |%n", latencyP50, latencyP99, latencySamples);
            System.out.printf("| balance API read while ingesting (ms) | %.1f | %.1f | %,d |%n", apiP50, apiP99, apiSamples);
        }
    }

    private LiveIngest() {
    }

    static Result measure(ConfigurableApplicationContext core, BenchBroker brokerLogins, String token, int clients,
                        Counter applied, int alreadyApplied) throws Exception {
        int offered = Integer.parseInt(Jvm.env("BENCH_LIVE_RATE", "1000"));
        int total = Integer.parseInt(Jvm.env("BENCH_LIVE_EVENTS", "10000"));
        List<CanonicalEvent> stream = EventStreams.generate("live-", clients, total + 1, 20261127L).stream()
                .filter(e -> e.type() != EventType.FX_RATE).toList();
        IngestBenchmark.putAgreements(core, token, clients, "live-");
        int port = Integer.parseInt(core.getEnvironment().getProperty("local.server.port"));

        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> apiNanos = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(7);
            while (running.get()) {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/live-"
                            + random.nextInt(clients) + "/balances")).header("Authorization", "Bearer " + token).build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        apiNanos.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    return;
                }
            }
        }, "bench-balance-reader");

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long compilingBefore = Jvm.compilationMillis();
        reader.start();
        long began = System.nanoTime();
        // sends confirmed asynchronously, so that the offered rate does not depend on one round trip per message
        long published;
        try (EventPublishers publishers = new EventPublishers(brokerLogins::asyncFactory, false, false)) {
            for (int i = 0; i < stream.size(); i++) {
                long wait = began + (long) (i * 1e9 / offered) - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                CanonicalEvent event = stream.get(i);
                publishers.send(event);
                sentAt.put(event.eventId(), System.currentTimeMillis());
            }
            published = System.nanoTime();
        }
        while (applied.count() < alreadyApplied + stream.size()) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        running.set(false);
        reader.join();
        double jitSeconds = (Jvm.compilationMillis() - compilingBefore) / 1000.0;

        List<Long> latencies = new ArrayList<>();
        core.getBean(JdbcTemplate.class).query("select event_id, received_at from event_fact where client_id like 'live-%'", rs -> {
            Long sent = sentAt.get(rs.getString(1));
            if (sent != null) {
                latencies.add(rs.getTimestamp(2).getTime() - sent);
            }
        });
        List<Long> api;
        synchronized (apiNanos) {
            api = apiNanos.stream().map(n -> n / 1_000).toList();   // microseconds
        }
        double sentRate = stream.size() / ((published - began) / 1e9);
        return new Result(stream.size(), offered, sentRate, seconds, percentile(latencies, 50), percentile(latencies, 99),
                latencies.size(), percentile(api, 50) / 1000.0, percentile(api, 99) / 1000.0, api.size(),
                jitSeconds);
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
