package io.settlehub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.testsupport.EmbeddedSftpServer;
import io.settlehub.testsupport.EventStreams;
import io.settlehub.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * The broker as a shared-store high-availability pair (deploy/broker/provision.py --ha), every client given both halves:
 * while events stream in, payout runs put instructions in the outbox and connector-bank uploads their files, the
 * primary is killed (SIGKILL); the backup takes over and the clients fail over to it; then the primary comes back and
 * the backup hands the journal back (failback), the clients failing over once more. Each event applies once, the
 * balances are those of the pure settlement, each instruction is in flight once and its file is at the bank once.
 */
@Tag("integration")
class BrokerFailoverTest {

    static final Path WORK = Path.of(System.getProperty("hub.work", "target/e2e")).toAbsolutePath().resolveSibling("failover");
    static final int CLIENTS = 40;
    static final int EVENTS = 4_000;
    static final String ACTIVE = "AMQ221007";          // Server is now active
    static final String BACKUP_ACTIVE = "AMQ221010";   // Backup Server is now active
    static final String BACKUP_ANNOUNCED = "AMQ221031";

    static Processes processes;
    static EmbeddedSftpServer sftp;

    @AfterAll
    static void stop() throws Exception {
        if (processes != null) {
            processes.close();
        }
        if (sftp != null) {
            sftp.close();
        }
    }

    @Test
    void the_primary_killed_mid_stream_loses_nothing_pays_nothing_twice_and_fails_back() throws Exception {
        RunningHub.deleteRecursively(WORK);
        processes = new Processes(WORK.resolve("logs"));
        Path artemis = Path.of(System.getProperty("hub.artemis.home"));
        int primaryPort = Processes.freePort();
        int backupPort = Processes.freePort();
        Path store = WORK.resolve("shared-store");
        Path primary = StandaloneBroker.createHalf(artemis, WORK.resolve("primary"), primaryPort, Processes.freePort(), "primary",
                backupPort, store);
        Path backup = StandaloneBroker.createHalf(artemis, WORK.resolve("backup"), backupPort, Processes.freePort(), "backup",
                primaryPort, store);
        startBroker("primary", primary, ACTIVE);
        startBroker("backup", backup, BACKUP_ANNOUNCED);
        String pair = StandaloneBroker.pairUrl(primaryPort, backupPort);

        String db = TestDatabase.createFresh("failover");
        int corePort = Processes.freePort();
        Map<String, String> core = new HashMap<>(StandaloneBroker.login("settlement-core", pair));
        core.putAll(Map.of("HUB_DB_URL", db, "HUB_DB_USER", TestDatabase.user(), "HUB_DB_PASSWORD", TestDatabase.password(),
                "HUB_OPERATOR_TOKEN", RunningHub.TOKEN, "HUB_CORE_SIGNING_KEY", ChaosTest.SIGNING_KEYS[0]));
        ChaosTest.startCore(processes, core, corePort);
        Path sftpRoot = WORK.resolve("bank-sftp");
        int sftpPort = Processes.freePort();
        sftp = EmbeddedSftpServer.start(sftpRoot, WORK.resolve("sftp-host.key"), sftpPort, "bank", "failover-sftp-password");
        Files.createDirectories(sftpRoot.resolve("outbox"));
        Files.writeString(WORK.resolve("known_hosts"), sftp.knownHostsLine() + "\n");
        int bankPort = Processes.freePort();
        Map<String, String> bank = new HashMap<>(StandaloneBroker.login("connector-bank", pair));
        bank.putAll(Map.of("HUB_BANK_SFTP_HOST", "127.0.0.1", "HUB_BANK_SFTP_PORT", String.valueOf(sftpPort), "HUB_BANK_SFTP_USER", "bank",
                "HUB_BANK_SFTP_PASSWORD", "failover-sftp-password", "HUB_BANK_SFTP_KNOWN_HOSTS", WORK.resolve("known_hosts").toString(),
                "HUB_STATE_DIR", WORK.resolve("bank-state").toString(), "HUB_CORE_VERIFY_KEY", ChaosTest.SIGNING_KEYS[1]));
        processes.java("connector-bank", RunningHub.jar("connector-bank"), bank, "--server.port=" + bankPort, "--hub.cbr.url=",
                "--hub.bank.upload.redelivery-delay=500", "--hub.bank.upload.max-redelivery-delay=5000");
        RunningHub.awaitHealthy(bankPort, "connector-bank");
        for (int c = 0; c < CLIENTS; c++) {
            assertThat(ChaosTest.call(corePort, "PUT", "/api/clients/" + EventStreams.client(c), ChaosTest.agreement(c)).statusCode()).isEqualTo(200);
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db, TestDatabase.user(), TestDatabase.password()));

        List<CanonicalEvent> stream = EventStreams.generate(CLIENTS, EVENTS, 20261201L);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread publisher = new Thread(() -> ChaosTest.publish(pair, stream, new AtomicInteger()), "failover-publisher");
        Thread payouts = ChaosTest.payoutRuns(corePort, running, 1_000, "failover-payouts");
        publisher.start();
        payouts.start();

        await("ingest and uploads under way").atMost(Duration.ofSeconds(60)).until(() ->
                applied(jdbc) > EVENTS / 4 && !ChaosTest.bankFiles(sftpRoot).isEmpty());
        long appliedAtKill = applied(jdbc);
        Instant killed = Instant.now();
        processes.kill("primary");
        awaitLog("backup", BACKUP_ACTIVE, 1);
        Duration failover = Duration.between(killed, Instant.now());
        await("ingest resumes on the backup").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> applied(jdbc) > appliedAtKill + 100);
        Duration ingestPaused = Duration.between(killed, Instant.now());

        ChaosTest.sleep(3_000);
        startBroker("primary", primary, ACTIVE);                 // failback: the backup hands the journal back
        awaitLog("backup", BACKUP_ANNOUNCED, 2);

        publisher.join(180_000);
        assertThat(publisher.isAlive()).as("the publisher finished").isFalse();
        await("every event applied").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                applied(jdbc) == stream.size() && jdbc.queryForObject("select count(*) from parked_event", Long.class) == 0);
        running.set(false);
        payouts.join(30_000);
        ChaosTest.call(corePort, "POST", "/api/payouts/run", null);

        int paidClients = PureSettlement.assertLedgerMatches(jdbc, stream,
                java.util.stream.IntStream.range(0, CLIENTS).mapToObj(EventStreams::client).toList());
        assertThat(paidClients).as("payout runs happened around the failover").isPositive();
        await("the outbox published").atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.queryForObject("select count(*) from outbox where published_at is null", Long.class) == 0);
        List<String> instructions = jdbc.queryForList("select instruction_id from payment_instruction", String.class);
        // until the folder holds exactly one complete file per instruction: an upload still in flight shows under its
        // temporary name for a moment; one left half-written, doubled or missing fails when the time is up
        List<String> expectedFiles = instructions.stream().map(id -> "pain001-" + id + ".xml").toList();
        await("every payment file at the bank").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(ChaosTest.bankFiles(sftpRoot)).as("one complete file per instruction, none twice, none half-written")
                        .containsExactlyInAnyOrderElementsOf(expectedFiles));
        List<String> files = ChaosTest.bankFiles(sftpRoot);
        System.out.printf("broker failover: backup serving %d ms after the primary's SIGKILL; ingest paused %d ms; %d events applied"
                        + " once of %d published (0 lost); %d instructions, %d files at the bank (0 doubled)%n", failover.toMillis(),
                ingestPaused.toMillis(), applied(jdbc), stream.size(), instructions.size(), files.size());
    }

    static long applied(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from event_fact", Long.class);
    }

    void startBroker(String name, Path instance, String ready) throws Exception {
        long before = count(name, ready);
        processes.start(name, Map.of(), List.of(instance.resolve("bin/artemis").toString(), "run"));
        awaitLog(name, ready, before + 1);
    }

    static void awaitLog(String name, String line, long times) {
        await(name + " logs " + line).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> count(name, line) >= times);
    }

    static long count(String name, String line) throws Exception {
        return processes.log(name).lines().filter(l -> l.contains(line)).count();
    }
}
