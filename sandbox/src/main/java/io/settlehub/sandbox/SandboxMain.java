package io.settlehub.sandbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.testsupport.BrokerLogins;
import io.settlehub.testsupport.EmbeddedSftpServer;
import io.settlehub.testsupport.EventPublishing;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The demo's partners in one JVM: the marketplace, carrier, central bank and 1C stubs with recorded responses, the bank's
 * SFTP server, and a one-time publication of the reference facts no stub serves yet.
 */
public final class SandboxMain {

    /** Facts no sandbox partner serves yet; the goods receipts come from the 1C stub through connector-accounting. */
    static final List<String> SEED = List.of("acme-customs", "acme-freight", "globex-customs", "globex-freight", "cbr-cny-rub");

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(env("HUB_SANDBOX_STATE", ".hub/sandbox"));
        Path sftpRoot = Path.of(env("HUB_SANDBOX_SFTP_ROOT", ".hub/bank-sftp"));
        Files.createDirectories(state);

        WireMockServer ozon = new WireMockServer(options().bindAddress("127.0.0.1")
                .port(Integer.parseInt(env("HUB_SANDBOX_OZON_PORT", "8090"))).usingFilesUnderDirectory(env("HUB_SANDBOX_OZON_FILES", "demo/ozon")));
        ozon.start();
        WireMockServer wildberries = new WireMockServer(options().bindAddress("127.0.0.1")
                .port(Integer.parseInt(env("HUB_SANDBOX_WB_PORT", "8091")))
                .usingFilesUnderDirectory(env("HUB_SANDBOX_WB_FILES", "demo/wildberries")));
        wildberries.start();
        WireMockServer aliexpress = new WireMockServer(options().bindAddress("127.0.0.1")
                .port(Integer.parseInt(env("HUB_SANDBOX_AE_PORT", "8092")))
                .usingFilesUnderDirectory(env("HUB_SANDBOX_AE_FILES", "demo/aliexpress")));
        aliexpress.start();
        WireMockServer cdek = new WireMockServer(options().bindAddress("127.0.0.1")
                .port(Integer.parseInt(env("HUB_SANDBOX_CDEK_PORT", "8093")))
                .usingFilesUnderDirectory(env("HUB_SANDBOX_CDEK_FILES", "demo/cdek")));
        cdek.start();
        // the central bank's daily rates: the demo's month has one rate, set on 1 November
        WireMockServer cbr = new WireMockServer(options().bindAddress("127.0.0.1")
                .port(Integer.parseInt(env("HUB_SANDBOX_CBR_PORT", "8094")))
                .usingFilesUnderDirectory(env("HUB_SANDBOX_CBR_FILES", "demo/cbr")));
        cbr.start();
        // acme's and globex's 1C infobases (standard OData interface): goods receipts out, accounting documents in
        WireMockServer onec = new WireMockServer(options().bindAddress("127.0.0.1")
                .port(Integer.parseInt(env("HUB_SANDBOX_ONEC_PORT", "8095")))
                .usingFilesUnderDirectory(env("HUB_SANDBOX_ONEC_FILES", "demo/onec")));
        onec.start();

        // two banks, each its own SFTP server, folders and host key: roubles host-to-host, yuan (and roubles) generic
        EmbeddedSftpServer bank = EmbeddedSftpServer.start(sftpRoot, state.resolve("sftp-host.key"),
                Integer.parseInt(env("HUB_SANDBOX_SFTP_PORT", "2222")), "bank", env("HUB_SANDBOX_SFTP_PASSWORD", "bank-demo-password"));
        Files.createDirectories(sftpRoot.resolve("outbox"));
        Files.writeString(state.resolve("known_hosts"), bank.knownHostsLine() + "\n");
        Path cnyRoot = Path.of(env("HUB_SANDBOX_SFTP_CNY_ROOT", sftpRoot + "-cny"));
        EmbeddedSftpServer cnyBank = EmbeddedSftpServer.start(cnyRoot, state.resolve("sftp-cny-host.key"),
                Integer.parseInt(env("HUB_SANDBOX_SFTP_CNY_PORT", "2223")), "bank", env("HUB_SANDBOX_SFTP_CNY_PASSWORD", "bank-cny-demo-password"));
        Files.createDirectories(cnyRoot.resolve("outbox"));
        Files.writeString(state.resolve("known_hosts_cny"), cnyBank.knownHostsLine() + "\n");

        publishSeed();
        System.out.println("sandbox ready: Ozon stub " + ozon.baseUrl() + ", Wildberries stub " + wildberries.baseUrl()
                + ", AliExpress stub " + aliexpress.baseUrl() + ", CDEK stub " + cdek.baseUrl() + ", CBR stub " + cbr.baseUrl() + ", 1C stub " + onec.baseUrl() + ", bank SFTP 127.0.0.1:" + bank.port() + " and 127.0.0.1:" + cnyBank.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ozon.stop();
            wildberries.stop();
            aliexpress.stop();
            cdek.stop();
            cbr.stop();
            onec.stop();
            try {
                bank.close();
                cnyBank.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }));
        Thread.currentThread().join();
    }

    /**
     * The partners' history before the demo starts (customs and freight of the goods, a central-bank rate), each event
     * published as the connector that publishes its type would: with that connector's broker identity
     * ({@code HUB_BROKER_PASSWORD_<USER>}).
     */
    private static void publishSeed() throws Exception {
        String url = env("HUB_BROKER_URL", "tcp://127.0.0.1:61616");
        for (String name : SEED) {
            CanonicalEvent event;
            try (InputStream in = SandboxMain.class.getResourceAsStream("/sandbox/seed/" + name + ".json")) {
                event = EventCodec.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (ActiveMQConnectionFactory factory = BrokerLogins.fromEnvironment(url, EventPublishing.publisherOf(event.type()));
                 Connection connection = factory.createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(Addresses.EVENTS));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(EventPublishing.message(session, event));
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
