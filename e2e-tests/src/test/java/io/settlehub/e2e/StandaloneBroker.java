package io.settlehub.e2e;

import io.settlehub.testsupport.BrokerLogins;
import io.settlehub.testsupport.HubTestBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A broker instance of the official Artemis distribution, set up as the demo and docker-compose set theirs up: the
 * hub's broker.xml and one broker user per service (deploy/broker/provision.py), one acceptor on a chosen port.
 */
final class StandaloneBroker {

    static final Path ROOT = Path.of(System.getProperty("hub.root", "..")).toAbsolutePath().normalize();

    private StandaloneBroker() {
    }

    /** The password of a broker user in the end-to-end tests. */
    static String password(String identity) {
        return identity + "-e2e-password";
    }

    /** The environment of a service that logs in to the broker as {@code identity}: its own user and password only. */
    static Map<String, String> login(String identity, int port) {
        return login(identity, "tcp://127.0.0.1:" + port);
    }

    static Map<String, String> login(String identity, String url) {
        return Map.of("HUB_BROKER_URL", url, "HUB_BROKER_USER", identity, "HUB_BROKER_PASSWORD", password(identity));
    }

    /**
     * The URL of a high-availability pair as a service is given it: both halves, failing over to whichever is serving,
     * and reconnecting for ever (docs/scaling.md).
     */
    static String pairUrl(int primaryPort, int backupPort) {
        return "(tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort
                + ")?ha=true&reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=2&maxRetryInterval=2000";
    }

    /** Every broker user's password, as the variables provision.py (and the sandbox's seeding) read. */
    static Map<String, String> passwords(List<String> identities) {
        Map<String, String> passwords = new HashMap<>();
        identities.forEach(identity -> passwords.put(BrokerLogins.passwordVariable(identity), password(identity)));
        return passwords;
    }

    static ActiveMQConnectionFactory factory(int port, String identity) {
        return factory("tcp://127.0.0.1:" + port, identity);
    }

    static ActiveMQConnectionFactory factory(String url, String identity) {
        return new ActiveMQConnectionFactory(url, identity, password(identity));
    }

    static Path create(Path artemisHome, Path instance, int port, int consolePort) throws IOException, InterruptedException {
        return create(artemisHome, instance, port, consolePort, List.of(), Map.of());
    }

    /**
     * One half ({@code primary} or {@code backup}) of a shared-store pair, as deploy/broker/provision.py --ha sets it up:
     * the journal in {@code sharedStore}, the other half at {@code peerPort}.
     */
    static Path createHalf(Path artemisHome, Path instance, int port, int consolePort, String role, int peerPort, Path sharedStore)
            throws IOException, InterruptedException {
        return create(artemisHome, instance, port, consolePort, List.of("--ha", role, "--peer", "127.0.0.1:" + peerPort,
                "--shared-store", sharedStore.toString()), Map.of("HUB_BROKER_CLUSTER_PASSWORD", "e2e-cluster-password"));
    }

    /** One of two live brokers in a cluster, as deploy/broker/provision.py --cluster sets it up ({@code local} or {@code remote}). */
    static Path createClustered(Path artemisHome, Path instance, int port, int consolePort, String grouping, int peerPort)
            throws IOException, InterruptedException {
        return create(artemisHome, instance, port, consolePort, List.of("--cluster", grouping, "--peer", "127.0.0.1:" + peerPort),
                Map.of("HUB_BROKER_CLUSTER_PASSWORD", "e2e-cluster-password"));
    }

    private static Path create(Path artemisHome, Path instance, int port, int consolePort, List<String> provisionArgs,
                               Map<String, String> provisionEnv) throws IOException, InterruptedException {
        run(List.of(artemisHome.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--user", "hub-operator", "--password", password("hub-operator"), "--require-login", "--host", "127.0.0.1",
                "--http-host", "127.0.0.1", "--default-port", String.valueOf(port), "--http-port", String.valueOf(consolePort), "--nio",
                "--silent"), Map.of(), "artemis create");
        List<String> provision = new java.util.ArrayList<>(List.of("python3", ROOT.resolve("deploy/broker/provision.py").toString(),
                instance.resolve("etc").toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)));
        provision.addAll(provisionArgs);
        Map<String, String> env = new HashMap<>(passwords(List.copyOf(HubTestBroker.identities().keySet())));
        env.putAll(provisionEnv);
        run(provision, env, "deploy/broker/provision.py");
        return instance;
    }

    private static void run(List<String> command, Map<String, String> env, String what) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(what + " failed: " + output);
        }
    }
}
