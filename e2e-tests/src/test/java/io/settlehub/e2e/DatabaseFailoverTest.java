package io.settlehub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.testsupport.EventStreams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL as a primary with a synchronous streaming standby (pg_basebackup -R), settlement-core given both hosts with
 * {@code targetServerType=primary}: while events stream in and payout runs go on, the primary crashes (pg_ctl stop -m
 * immediate) and the standby is promoted. settlement-core reports itself not ready and acknowledges nothing while no
 * primary answers, then resumes on the promoted standby: each event applies once, the balances are those of the pure
 * settlement, each instruction is in flight once. Synchronous replication is what makes "once" hold: an event the core
 * acknowledged to the broker is on the standby too.
 */
@Tag("integration")
class DatabaseFailoverTest {

    static final Path WORK = Path.of(System.getProperty("hub.work", "target/e2e")).toAbsolutePath().resolveSibling("db-failover");
    static final int CLIENTS = 40;
    static final int EVENTS = 4_000;

    static Processes processes;
    static LocalCluster primary;
    static LocalCluster standby;
    static Path clusters;

    @AfterAll
    static void stop() throws Exception {
        if (processes != null) {
            processes.close();
        }
        for (LocalCluster cluster : new LocalCluster[] {primary, standby}) {
            if (cluster != null) {
                cluster.stopQuietly();
            }
        }
        if (clusters != null) {
            RunningHub.deleteRecursively(clusters);
        }
    }

    @Test
    void the_primary_crashed_and_the_standby_promoted_mid_stream_loses_nothing_and_applies_nothing_twice() throws Exception {
        RunningHub.deleteRecursively(WORK);
        processes = new Processes(WORK.resolve("logs"));
        clusters = LocalCluster.folder();
        primary = LocalCluster.primary(clusters.resolve("primary"), Processes.freePort());
        standby = LocalCluster.standbyOf(primary, clusters.resolve("standby"), Processes.freePort());
        await("the standby streaming synchronously").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                "sync".equals(jdbc(primary).queryForObject("select sync_state from pg_stat_replication limit 1", String.class)));
        String url = "jdbc:postgresql://127.0.0.1:" + primary.port + ",127.0.0.1:" + standby.port
                + "/settlehub?targetServerType=primary&reWriteBatchedInserts=true&connectTimeout=3&socketTimeout=30";

        int brokerPort = Processes.freePort();
        Path broker = StandaloneBroker.create(Path.of(System.getProperty("hub.artemis.home")), WORK.resolve("broker"), brokerPort,
                Processes.freePort());
        processes.start("artemis", Map.of(), List.of(broker.resolve("bin/artemis").toString(), "run"));
        await("the broker").atMost(Duration.ofSeconds(60)).until(() -> processes.log("artemis").contains("AMQ221007"));
        int corePort = Processes.freePort();
        Map<String, String> core = new HashMap<>(StandaloneBroker.login("settlement-core", brokerPort));
        core.putAll(Map.of("HUB_DB_URL", url, "HUB_DB_USER", "postgres", "HUB_DB_PASSWORD", "trust-auth-unused",
                "HUB_OPERATOR_TOKEN", RunningHub.TOKEN, "HUB_CORE_SIGNING_KEY", ChaosTest.SIGNING_KEYS[0]));
        ChaosTest.startCore(processes, core, corePort);
        for (int c = 0; c < CLIENTS; c++) {
            assertThat(ChaosTest.call(corePort, "PUT", "/api/clients/" + EventStreams.client(c), ChaosTest.agreement(c)).statusCode()).isEqualTo(200);
        }
        JdbcTemplate onPrimary = jdbc(primary);

        List<CanonicalEvent> stream = EventStreams.generate(CLIENTS, EVENTS, 20261202L);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> readiness = new ArrayList<>();
        Thread publisher = new Thread(() -> ChaosTest.publish("tcp://127.0.0.1:" + brokerPort, stream, new AtomicInteger()), "db-publisher");
        Thread payouts = ChaosTest.payoutRuns(corePort, running, 1_000, "db-payouts");
        Thread probe = new Thread(() -> {
            while (running.get()) {
                readiness.add(readiness(corePort));
                ChaosTest.sleep(250);
            }
        }, "db-readiness");
        publisher.start();
        payouts.start();
        probe.start();

        await("ingest under way").atMost(Duration.ofSeconds(60)).until(() -> applied(onPrimary) > EVENTS / 4);
        Instant crashed = Instant.now();
        primary.crash();
        ChaosTest.sleep(2_000);                    // the operator (or a failover manager) decides
        standby.promote();
        JdbcTemplate onStandby = jdbc(standby);
        long appliedAfterPromotion = applied(onStandby);
        await("ingest resumes on the promoted standby").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> applied(onStandby) > appliedAfterPromotion + 100);
        Duration paused = Duration.between(crashed, Instant.now());

        publisher.join(180_000);
        assertThat(publisher.isAlive()).as("the publisher finished").isFalse();
        await("every event applied").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                applied(onStandby) == stream.size() && onStandby.queryForObject("select count(*) from parked_event", Long.class) == 0);
        running.set(false);
        payouts.join(30_000);
        probe.join(5_000);
        ChaosTest.call(corePort, "POST", "/api/payouts/run", null);

        assertThat(readiness).as("not ready while no primary answered, ready again after").contains("DOWN").last().isEqualTo("UP");
        PureSettlement.assertLedgerMatches(onStandby, stream, java.util.stream.IntStream.range(0, CLIENTS).mapToObj(EventStreams::client).toList());
        long instructions = onStandby.queryForObject("select count(*) from payment_instruction", Long.class);
        assertThat(instructions).as("payout runs happened around the failover").isPositive();
        await("the outbox published").atMost(Duration.ofSeconds(60)).until(() ->
                onStandby.queryForObject("select count(*) from outbox where published_at is null", Long.class) == 0);
        assertThat(ChaosTest.instructionMessages(brokerPort)).as("each instruction on the broker once").isEqualTo((int) instructions);
        System.out.printf("database failover: ingest paused %d ms from the primary's crash (standby promoted after 2,000 ms);"
                        + " readiness DOWN in %d of %d probes; %d events applied once of %d published (0 lost);"
                        + " %d instructions, each on the broker once%n", paused.toMillis(),
                readiness.stream().filter("DOWN"::equals).count(), readiness.size(), applied(onStandby), stream.size(), instructions);
    }

    static long applied(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from event_fact", Long.class);
    }

    static JdbcTemplate jdbc(LocalCluster cluster) {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + cluster.port + "/settlehub", "postgres", ""));
    }

    static String readiness(int port) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.body().contains("\"UP\"") ? "UP" : "DOWN";
        } catch (Exception unreachable) {
            return "UNREACHABLE";
        }
    }

    /**
     * A PostgreSQL cluster of the machine's binaries in a folder of its own, run as the postgres user (the server refuses
     * root): trust authentication on 127.0.0.1, the socket in its folder.
     */
    static final class LocalCluster {

        final Path data;
        final int port;

        private LocalCluster(Path data, int port) {
            this.data = data;
            this.port = port;
        }

        /** A folder for the clusters that the postgres user owns. */
        static Path folder() throws Exception {
            Path folder = Files.createTempDirectory("settlehub-db-failover");
            asPostgres("chown", "postgres:postgres", folder.toString());
            return folder;
        }

        /** A new primary with the hub's database. */
        static LocalCluster primary(Path data, int port) throws Exception {
            asPostgres(bin("initdb"), "-D", data.toString(), "-A", "trust", "-U", "postgres", "--no-sync");
            LocalCluster cluster = new LocalCluster(data, port);
            cluster.start("");
            cluster.psql("create database settlehub");
            return cluster;
        }

        /**
         * A streaming standby of {@code primary}, from a base backup; then the primary's commits wait for it (set on the
         * primary only, after the backup: a promoted standby must not wait for a standby of its own).
         */
        static LocalCluster standbyOf(LocalCluster primary, Path data, int port) throws Exception {
            asPostgres(bin("pg_basebackup"), "-h", "127.0.0.1", "-p", String.valueOf(primary.port), "-U", "postgres", "-D",
                    data.toString(), "-R", "-X", "stream");
            LocalCluster cluster = new LocalCluster(data, port);
            cluster.start("");
            primary.psql("alter system set synchronous_standby_names = '*'");
            primary.psql("select pg_reload_conf()");
            return cluster;
        }

        void psql(String sql) throws Exception {
            asPostgres(bin("psql"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres", "-v",
                    "ON_ERROR_STOP=1", "-c", sql);
        }

        void start(String options) throws Exception {
            asPostgres(bin("pg_ctl"), "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-o",
                    ("-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 " + options).trim(), "start");
        }

        /** Stops at once, as a crash would: no checkpoint, clients cut off. */
        void crash() throws Exception {
            asPostgres(bin("pg_ctl"), "-D", data.toString(), "-m", "immediate", "stop");
        }

        void promote() throws Exception {
            asPostgres(bin("pg_ctl"), "-D", data.toString(), "-w", "promote");
        }

        void stopQuietly() {
            try {
                asPostgres(bin("pg_ctl"), "-D", data.toString(), "-m", "immediate", "stop");
            } catch (Exception alreadyStopped) {
                // nothing to stop
            }
        }

        private static String bin(String program) throws IOException {
            try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                Path newest = versions.sorted().reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no /usr/lib/postgresql"));
                return newest.resolve("bin").resolve(program).toString();
            }
        }

        private static void asPostgres(String... command) throws Exception {
            List<String> full = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name")) && !"chown".equals(command[0])) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(List.of(command));
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        }
    }
}
