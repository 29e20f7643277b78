package io.settlehub.bench;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.core.SettlementCoreApplication;
import io.settlehub.core.settlement.service.SettlementService;
import io.settlehub.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The settlement path without the broker: generated events for many clients applied through the settlement
 * domain and the PostgreSQL persistence in batches, against the raw batch-insert rate of rows shaped like the
 * ledger's transfers, measured in the same run. No broker needed; PostgreSQL on 127.0.0.1:5432.
 */
public final class SettlementPathBenchmark {

    private static final String OPERATOR_TOKEN = "bench-operator-token-0123456789";

    private SettlementPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args.length > 0 ? args[0] : Jvm.env("BENCH_EVENTS", "100000"));
        int clients = Integer.parseInt(Jvm.env("BENCH_CLIENTS", "1000"));
        int batch = Integer.parseInt(Jvm.env("BENCH_BATCH_SIZE", "2000"));
        // one batch more than measured: applied after the measurement, before the steady alert scan
        List<CanonicalEvent> generated = io.settlehub.testsupport.EventStreams.generate(clients, events + batch, 20261126L);
        List<CanonicalEvent> stream = generated.subList(0, events);
        List<CanonicalEvent> oneMoreBatch = new ArrayList<>(generated.subList(events, generated.size()));
        System.out.printf("Settlehub settlement-path benchmark: %,d events over %,d clients, batches of %,d, %d cores%n%n",
                events, clients, batch, Runtime.getRuntime().availableProcessors());

        String db = TestDatabase.createFresh("bench_path") + "?reWriteBatchedInserts=true";
        ConfigurableApplicationContext core = new SpringApplication(SettlementCoreApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(), "--spring.artemis.mode=embedded",
                "--spring.artemis.embedded.persistent=false", "--hub.operator-token=" + OPERATOR_TOKEN,
                "--hub.events.consumer-enabled=false", "--hub.signing.ephemeral-key=true",
                // the reads below are timed one after another as fast as they answer: the per-caller rate limit is not measured
                "--hub.security.api-per-second=1000000", "--hub.security.api-burst=1000000",
                "--logging.level.root=WARN",
                // this embedded broker stamps no sender, so the service rightly drops its own balance notifications (one
                // warning per batch); the path measured here ends at the outbox
                "--logging.level.io.settlehub.core.notify.NotificationOrigin=ERROR");
        try {
            JdbcTemplate jdbc = core.getBean(JdbcTemplate.class);
            for (int c = 0; c < clients; c++) {
                jdbc.update("insert into client_agreement_version (client_id, effective_from, body) values (?, date '0001-01-01', ?)",
                        io.settlehub.testsupport.EventStreams.client(c), agreement(c));
                jdbc.update("insert into client_agreement (client_id, body, updated_at) values (?, ?, ?)", io.settlehub.testsupport.EventStreams.client(c),
                        agreement(c), Timestamp.from(Instant.now()));
            }
            SettlementService settlement = core.getBean(SettlementService.class);
            List<Long> batchNanos = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < stream.size(); i += batch) {
                long t = System.nanoTime();
                settlement.ingest(stream.subList(i, Math.min(stream.size(), i + batch)));
                batchNanos.add(System.nanoTime() - t);
            }
            long nanos = System.nanoTime() - start;
            long rows = jdbc.queryForObject("select (select count(*) from event_fact) + (select count(*) from transfer)", Long.class);
            // the generated stream is the benchmark's, not the service's: the reads are measured without it in the heap
            generated = null;
            stream = null;
            System.gc();
            Reads reads = reads(core, settlement, jdbc, oneMoreBatch);
            int tenth = Math.max(1, batchNanos.size() / 10);
            double firstTenthMs = batchNanos.subList(0, tenth).stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
            double lastTenthMs = batchNanos.subList(batchNanos.size() - tenth, batchNanos.size()).stream().mapToLong(Long::longValue)
                    .average().orElse(0) / 1e6;
            double raw = rawTransferInsertsPerSecond(TestDatabase.createFresh("bench_path_raw") + "?reWriteBatchedInserts=true", 200_000);
            Collections.sort(batchNanos);
            double p99ms = batchNanos.get(Math.min(batchNanos.size() - 1, (int) Math.ceil(batchNanos.size() * 0.99) - 1)) / 1e6;
            double rowsPerSecond = rows / (nanos / 1e9);
            System.out.println("| measure | value |");
            System.out.println("|---|---:|");
            System.out.printf("| events applied per s | %,.0f |%n", events / (nanos / 1e9));
            System.out.printf("| ledger rows written per s (facts + transfers: %,d rows) | %,.0f |%n", rows, rowsPerSecond);
            System.out.printf("| raw PostgreSQL batch insert of transfer-shaped rows per s (baseline) | %,.0f |%n", raw);
            System.out.printf("| **rows/s of the settlement path ÷ raw insert rate** | **%.2f** |%n", rowsPerSecond / raw);
            System.out.printf("| p99 latency per event (its batch's commit), ms | %,.0f |%n", p99ms);
            System.out.printf("| batch time, first tenth / last tenth of the batches, mean ms | %,.0f / %,.0f |%n", firstTenthMs, lastTenthMs);
            System.out.printf("| **last tenth ÷ first tenth** (aim ≤ 1.5) | **%.2f** |%n", lastTenthMs / firstTenthMs);
            System.out.printf("| one order's settlement (the order API's read), %,d random orders of client bench-0, p50 / p99, ms | %.1f / **%.1f** |%n",
                    reads.orders(), reads.orderP50Ms(), reads.orderP99Ms());
            System.out.printf("| the client's dashboard page over HTTP (HTML), %,d requests, p50 / p99, ms (aim p99 < 200) | %.1f / **%.1f** |%n",
                    reads.pageHttp().nanos().size(), reads.pageHttp().p50Ms(), reads.pageHttp().p99Ms());
            System.out.printf("| one order over the API (HTTP, JSON), %,d random orders, p50 / p99, ms (aim p99 < 200) | %.1f / **%.1f** |%n",
                    reads.orderHttp().nanos().size(), reads.orderHttp().p50Ms(), reads.orderHttp().p99Ms());
            System.out.printf("| every client's discrepancies over HTTP (JSON), %,d requests, median / slowest, ms | %.1f / %.1f |%n",
                    reads.discrepanciesHttp().nanos().size(), reads.discrepanciesHttp().p50Ms(), reads.discrepanciesHttp().p99Ms());
            System.out.printf("| alert scan after one more batch of %,d events, s | **%.2f** |%n", batch, reads.steadyScanSeconds());
            System.out.printf("| alert scan of every order (as on the first scan after the upgrade), s | %.1f |%n", reads.wholeScanSeconds());
            System.out.printf("| peak heap, MB (max heap %,d MB) | %,d |%n", Runtime.getRuntime().maxMemory() / (1024 * 1024), Jvm.peakHeapMb());
        } finally {
            core.close();
        }
        // the embedded broker leaves non-daemon in-VM connector threads behind; the run is over
        System.exit(0);
    }

    /** What the reads cost with the whole history behind them. */
    record Reads(int orders, double orderP50Ms, double orderP99Ms, double steadyScanSeconds, double wholeScanSeconds,
                 Latency pageHttp, Latency orderHttp, Latency discrepanciesHttp) {
    }

    /** Latencies of one kind of request, sorted. */
    record Latency(List<Long> nanos) {

        double p50Ms() {
            return nanos.get(nanos.size() / 2) / 1e6;
        }

        double p99Ms() {
            return nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6;
        }
    }

    /** {@code samples} GETs of what {@code path} gives for each sample (after a warm-up), as the operator, timed whole. */
    private static Latency overHttp(ConfigurableApplicationContext core, int samples, java.util.function.IntFunction<String> path)
            throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + core.getEnvironment().getProperty("local.server.port");
        List<Long> nanos = new ArrayList<>();
        for (int i = -10; i < samples; i++) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path.apply(i)))
                    .header("Authorization", "Bearer " + OPERATOR_TOKEN).GET().build();
            long t = System.nanoTime();
            java.net.http.HttpResponse<String> response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path.apply(i) + " answered " + response.statusCode());
            }
            if (i >= 0) {
                nanos.add(took);
            }
        }
        Collections.sort(nanos);
        return new Latency(nanos);
    }

    private static Reads reads(ConfigurableApplicationContext core, SettlementService settlement, JdbcTemplate jdbc,
                               List<CanonicalEvent> oneMoreBatch) throws Exception {
        String client = io.settlehub.testsupport.EventStreams.client(0);
        long orders = jdbc.queryForObject("select count(*) from settlement_order where client_id = ?", Long.class, client);
        java.util.Random pick = new java.util.Random(1);
        List<Long> nanos = new ArrayList<>();
        int samples = 300;
        for (int i = 0; i < samples; i++) {
            String orderId = "O-" + (1 + pick.nextInt((int) Math.max(1, orders)));
            long t = System.nanoTime();
            settlement.orderOf(client, orderId);
            nanos.add(System.nanoTime() - t);
        }
        Collections.sort(nanos);
        Latency page = overHttp(core, 100, i -> "/clients/" + client);
        java.util.Random pickOverHttp = new java.util.Random(2);
        Latency order = overHttp(core, 300, i -> "/api/clients/" + client + "/orders/O-" + (1 + pickOverHttp.nextInt((int) Math.max(1, orders))));
        Latency discrepancies = overHttp(core, 5, i -> "/api/reconciliation/discrepancies");
        io.settlehub.core.alerts.AlertScan scan = core.getBean(io.settlehub.core.alerts.AlertScan.class);
        scan.scan();
        settlement.ingest(oneMoreBatch);
        long t = System.nanoTime();
        scan.scan();
        double steady = (System.nanoTime() - t) / 1e9;
        jdbc.update("delete from scan_mark");
        t = System.nanoTime();
        scan.scan();
        double whole = (System.nanoTime() - t) / 1e9;
        return new Reads(samples, nanos.get(samples / 2) / 1e6, nanos.get((int) Math.ceil(samples * 0.99) - 1) / 1e6, steady, whole,
                page, order, discrepancies);
    }

    private static String agreement(int c) {
        return EventCodec.write(java.util.Map.of("clientId", io.settlehub.testsupport.EventStreams.client(c), "name", "Bench " + c, "commissionRate", "0.05",
                "payoutCurrency", "RUB", "minimumPayout", "1000.00", "fxDifferenceBornBy", "CLIENT", "customsVatIsCost", true,
                "fxRateSource", "cbr", "bankAccount", java.util.Map.of("holder", "Bench " + c, "account", "40702810900000000001",
                        "bankId", "SABRRUMMXXX")));
    }

    /** Rows like the journal's: two account keys, amount, currency, client, component, cause, time; 1,000 per commit. */
    private static double rawTransferInsertsPerSecond(String url, int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table raw_transfer (id bigint generated by default as identity primary key, debit_account varchar(300),"
                        + " credit_account varchar(300), amount numeric(38, 10), currency varchar(3), client_id varchar(100),"
                        + " component varchar(400), cause varchar(200), posted_at timestamp with time zone)");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("insert into raw_transfer (debit_account, credit_account, amount,"
                    + " currency, client_id, component, cause, posted_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < count; i++) {
                    insert.setString(1, "client/bench-" + (i % 1000) + ":clearing:RUB");
                    insert.setString(2, "client/bench-" + (i % 1000) + ":pending:RUB");
                    insert.setBigDecimal(3, java.math.BigDecimal.valueOf(100_00 + i % 5000, 2));
                    insert.setString(4, "RUB");
                    insert.setString(5, "bench-" + (i % 1000));
                    insert.setString(6, "order/ozon/O-" + i + "/pending");
                    insert.setString(7, "bench:bench-" + (i % 1000) + ":sale:" + i);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

}
