package io.settlehub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.contract.EventCodec;
import io.settlehub.contract.MessageSignatures;
import io.settlehub.testsupport.TestDatabase;
import io.settlehub.testsupport.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The path of the demo as separate processes, started once for every end-to-end test class that asks for it and stopped
 * after the last: the standalone Artemis distribution under the hub's broker.xml (each service its own broker user),
 * the sandbox partners, settlement-core on PostgreSQL (signing with a key of this run, a CRM webhook), connector-bank
 * (checking with the public key), connector-accounting and connector-marketplace.
 */
final class RunningHub implements AutoCloseable {

    static final String TOKEN = "e2e-operator-token-0123456789";
    static final Path ROOT = Path.of(System.getProperty("hub.root", "..")).toAbsolutePath().normalize();
    /** A file's text (a payment file at a bank), for a test waiting on its content. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The demo's BIK directory: agreements name banks by BIK, and settlement-core checks them against it. */
    static final String BANK_DIRECTORY = "--hub.reference.bank-directory-file=" + ROOT.resolve("demo/cbr/bik/ED807_full.xml");
    static final Path WORK = Path.of(System.getProperty("hub.work", "target/e2e")).toAbsolutePath();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] SIGNING_KEYS = MessageSignatures.newKeyPair();

    final Processes processes;
    final int brokerPort = Processes.freePort();
    final int consolePort = Processes.freePort();
    final int corePort = Processes.freePort();
    final int marketplacePort = Processes.freePort();
    final int ozonPort = Processes.freePort();
    final int wildberriesPort = Processes.freePort();
    final int aliexpressPort = Processes.freePort();
    final int onecPort = Processes.freePort();
    final Path sftpRoot = WORK.resolve("bank-sftp");
    /** The second bank's SFTP root (yuan, and roubles another bank refused): demo/bank-demo.yml. */
    final Path cnySftpRoot = WORK.resolve("bank-sftp-cny");
    final Path state = WORK.resolve("state");
    final WebhookReceiver crm = WebhookReceiver.start();

    /** Resolves a {@code RunningHub} parameter of a test class's {@code @BeforeAll}: the one hub of the whole run. */
    static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningHub.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RunningHub.class, k -> {
                try {
                    return new RunningHub();
                } catch (Exception e) {
                    throw new IllegalStateException("the hub did not start (logs in " + WORK.resolve("logs") + ")", e);
                }
            }, RunningHub.class);
        }
    }

    private RunningHub() throws Exception {
        deleteRecursively(WORK);
        processes = new Processes(WORK.resolve("logs"));
        int bankPort = Processes.freePort();
        int sftpPort = Processes.freePort();
        int cnySftpPort = Processes.freePort();

        Path broker = StandaloneBroker.create(Path.of(System.getProperty("hub.artemis.home")), WORK.resolve("broker"), brokerPort,
                consolePort);
        processes.start("artemis", Map.of(), List.of(broker.resolve("bin/artemis").toString(), "run"));
        await("the broker").atMost(Duration.ofSeconds(60)).until(() -> processes.log("artemis").contains("AMQ221007"));

        // the sandbox publishes the partners' history as the connectors whose it is
        Map<String, String> sandbox = new HashMap<>(StandaloneBroker.passwords(List.of("connector-bank", "connector-carrier")));
        sandbox.putAll(Map.of("HUB_BROKER_URL", "tcp://127.0.0.1:" + brokerPort, "HUB_SANDBOX_SFTP_ROOT", sftpRoot.toString(),
                "HUB_SANDBOX_STATE", WORK.resolve("sandbox").toString(), "HUB_SANDBOX_OZON_FILES", ROOT.resolve("demo/ozon").toString(),
                "HUB_SANDBOX_OZON_PORT", String.valueOf(ozonPort), "HUB_SANDBOX_SFTP_PORT", String.valueOf(sftpPort),
                "HUB_SANDBOX_WB_PORT", String.valueOf(wildberriesPort), "HUB_SANDBOX_WB_FILES", ROOT.resolve("demo/wildberries").toString()));
        sandbox.putAll(Map.of("HUB_SANDBOX_AE_PORT", String.valueOf(aliexpressPort),
                "HUB_SANDBOX_AE_FILES", ROOT.resolve("demo/aliexpress").toString(), "HUB_SANDBOX_ONEC_PORT", String.valueOf(onecPort),
                "HUB_SANDBOX_ONEC_FILES", ROOT.resolve("demo/onec").toString()));
        sandbox.putAll(Map.of("HUB_SANDBOX_SFTP_CNY_ROOT", cnySftpRoot.toString(), "HUB_SANDBOX_SFTP_CNY_PORT", String.valueOf(cnySftpPort)));
        processes.java("sandbox", jar("sandbox"), sandbox);
        await("the sandbox").atMost(Duration.ofSeconds(60)).until(() -> processes.log("sandbox").contains("sandbox ready"));

        Map<String, String> core = new HashMap<>(service("settlement-core"));
        core.putAll(Map.of("HUB_DB_URL", TestDatabase.createFresh("e2e"), "HUB_DB_USER", TestDatabase.user(),
                "HUB_DB_PASSWORD", TestDatabase.password(), "HUB_OPERATOR_TOKEN", TOKEN, "HUB_CORE_SIGNING_KEY", SIGNING_KEYS[0],
                "HUB_NOTIFICATIONS_WEBHOOKS_0_NAME", "crm", "HUB_NOTIFICATIONS_WEBHOOKS_0_URL", crm.url(),
                "HUB_NOTIFICATIONS_WEBHOOKS_0_SECRET", "e2e-crm-webhook-secret-0123456789"));
        processes.java("settlement-core", jar("settlement-core"), core, "--server.port=" + corePort, BANK_DIRECTORY);

        Map<String, String> bank = new HashMap<>(service("connector-bank"));
        // the demo's two banks (demo/bank-demo.yml): roubles host-to-host, yuan (and roubles) generic
        bank.putAll(Map.of("HUB_BANK_SFTP_PORT", String.valueOf(sftpPort), "HUB_BANK_SFTP_PASSWORD", "bank-demo-password",
                "HUB_BANK_SFTP_KNOWN_HOSTS", WORK.resolve("sandbox/known_hosts").toString(), "HUB_CORE_VERIFY_KEY", SIGNING_KEYS[1],
                "HUB_BANK_CNY_SFTP_PORT", String.valueOf(cnySftpPort), "HUB_BANK_CNY_SFTP_PASSWORD", "bank-cny-demo-password",
                "HUB_BANK_CNY_SFTP_KNOWN_HOSTS", WORK.resolve("sandbox/known_hosts_cny").toString(),
                "SPRING_CONFIG_ADDITIONAL_LOCATION", "file:" + ROOT.resolve("demo/bank-demo.yml")));
        processes.java("connector-bank", jar("connector-bank"), bank, "--server.port=" + bankPort, "--hub.bank.inbox-poll-interval=1000",
                "--hub.cbr.url=");

        // the goods receipts come from the clients' 1C (the sandbox's OData stub) through connector-accounting
        Map<String, String> accounting = new HashMap<>(service("connector-accounting"));
        accounting.put("HUB_DEMO_ONEC_URL", "http://127.0.0.1:" + onecPort);
        accounting.put("SPRING_CONFIG_ADDITIONAL_LOCATION", "file:" + ROOT.resolve("demo/accounting-demo.yml"));
        int accountingPort = Processes.freePort();
        processes.java("connector-accounting", jar("connector-accounting"), accounting, "--server.port=" + accountingPort);

        awaitHealthy(corePort, "settlement-core");
        awaitHealthy(bankPort, "connector-bank");
        awaitHealthy(accountingPort, "connector-accounting");
        ProcessBuilder seed = new ProcessBuilder(ROOT.resolve("demo/seed.sh").toString()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("logs/seed.log").toFile());
        seed.environment().putAll(Map.of("HUB_CORE_URL", "http://127.0.0.1:" + corePort, "HUB_OPERATOR_TOKEN", TOKEN));
        assertThat(seed.start().waitFor()).as("demo/seed.sh, see %s", WORK.resolve("logs/seed.log")).isZero();
        startMarketplace();
    }

    /** A service's environment: the broker, logged in as the service itself, and its state folder. */
    Map<String, String> service(String identity) {
        Map<String, String> env = new HashMap<>(StandaloneBroker.login(identity, brokerPort));
        env.put("HUB_STATE_DIR", state.toString());
        return env;
    }

    void startMarketplace() throws IOException {
        Map<String, String> marketplace = new HashMap<>(service("connector-marketplace"));
        marketplace.put("OZON_API_URL", "http://127.0.0.1:" + ozonPort);
        marketplace.put("WB_FINANCE_URL", "http://127.0.0.1:" + wildberriesPort);
        marketplace.put("AE_API_URL", "http://127.0.0.1:" + aliexpressPort);
        marketplace.put("SPRING_CONFIG_ADDITIONAL_LOCATION", "file:" + ROOT.resolve("demo/marketplace-demo.yml"));
        processes.java("connector-marketplace", jar("connector-marketplace"), marketplace, "--server.port=" + marketplacePort,
                "--hub.ozon.poll-interval=2000");
    }

    @Override
    public void close() {
        processes.close();
        crm.close();
    }

    static Path jar(String module) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build " + module + " first (mvn package)"));
        }
    }

    static void awaitHealthy(int port, String name) {
        await(name + " healthy").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> get(port, "/actuator/health").contains("\"status\":\"UP\""));
    }

    static String get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String post(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static void put(int port, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isEqualTo(200);
    }

    String core(String path) throws Exception {
        return get(corePort, path);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The regular expression of an entity set's path in a client's infobase, as it goes over the wire (percent-encoded). */
    static String onecPath(String client, String entitySet) {
        return "/" + client + "/odata/standard\\.odata/" + java.net.URLEncoder.encode(entitySet, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** How many requests the 1C stub received with this method and a URL matching the pattern (WireMock's journal). */
    int onecRequests(String method, String urlPattern) throws Exception {
        String pattern = EventCodec.write(Map.of("method", method, "urlPattern", urlPattern));
        HttpRequest count = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onecPort + "/__admin/requests/count"))
                .POST(HttpRequest.BodyPublishers.ofString(pattern)).build();
        return EventCodec.mapper().readTree(HTTP.send(count, HttpResponse.BodyHandlers.ofString()).body()).get("count").asInt();
    }
}
