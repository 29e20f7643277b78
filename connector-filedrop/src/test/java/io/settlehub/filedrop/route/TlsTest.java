package io.settlehub.filedrop.route;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.EventCodec;
import io.settlehub.testsupport.TestCertificates;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * TLS on both sides of a connector, configured only through settings every service shares (docs/security.md): its
 * HTTP listener serves HTTPS with the operator's certificate ({@code server.ssl.bundle}), and it reaches a broker whose
 * only acceptor is TLS ({@code HUB_BROKER_URL} with {@code sslEnabled=true} and a trust store).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("integration")
class TlsTest {

    static TestCertificates certificates;
    static EmbeddedActiveMQ broker;
    static String brokerUrl;
    static Path root;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws Exception {
        Path work = Files.createTempDirectory("tls");
        certificates = TestCertificates.create(work.resolve("certs"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("tls", "tcp://127.0.0.1:" + port + "?sslEnabled=true;keyStorePath=" + certificates.keystore()
                        + ";keyStorePassword=" + certificates.password()));
        broker.start();
        brokerUrl = "tcp://127.0.0.1:" + port + "?sslEnabled=true&trustStorePath=" + certificates.truststore()
                + "&trustStorePassword=" + certificates.password();
        root = work.resolve("drop");

        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.broker-url", () -> brokerUrl);
        registry.add("spring.ssl.bundle.jks.hub.keystore.location", () -> "file:" + certificates.keystore());
        registry.add("spring.ssl.bundle.jks.hub.keystore.password", certificates::password);
        registry.add("spring.ssl.bundle.jks.hub.keystore.type", () -> "PKCS12");
        registry.add("server.ssl.bundle", () -> "hub");
        registry.add("hub.file-drop.root", root::toString);
    }

    @AfterAll
    static void stop() throws Exception {
        broker.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void a_report_uploaded_over_https_reaches_the_broker_over_tls_and_plain_connections_are_refused() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(certificates.clientContext()).build();
        byte[] report = FileDropRouteTest.withRowIds("T");

        HttpResponse<String> accepted = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port
                        + "/api/file-drop/megamarket?name=over-tls.csv")).header("Authorization", "Bearer test-upload-token-0123456789")
                .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Set<String> received = new HashSet<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(Addresses.EVENTS));
            TextMessage message;
            while (received.size() < 4 && (message = (TextMessage) consumer.receive(20_000)) != null) {
                received.add(EventCodec.decode(message.getText()).eventId());
            }
        }
        assertThat(received).containsExactlyInAnyOrder("megamarket:acme:T1", "megamarket:acme:T2", "megamarket:acme:T3", "megamarket:acme:T4");

        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> overHttp = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(overHttp.statusCode()).as("plain HTTP to the TLS listener").isEqualTo(400);
        String withoutTls = brokerUrl.substring(0, brokerUrl.indexOf('?')) + "?reconnectAttempts=0&callTimeout=3000";
        assertThatThrownBy(() -> {
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(withoutTls);
                 Connection connection = factory.createConnection()) {
                connection.start();
            }
        }).as("a client without TLS gets no connection to the broker").isInstanceOf(jakarta.jms.JMSException.class);
    }
}
