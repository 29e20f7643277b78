package io.settlehub.bank;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.testsupport.EmbeddedSftpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bank's SFTP as banks run it, with the connector's own upload endpoint: key authentication and host-key checks, and a
 * server going away in the middle of an upload.
 */
@Tag("integration")
class BankSftpTest {

    @TempDir
    Path work;

    @Test
    void an_upload_logs_in_with_the_private_key_and_verifies_the_host_key() throws Exception {
        Path key = work.resolve("id_rsa");
        var pair = EmbeddedSftpServer.writeClientKey(key);
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(work.resolve("sftp"), work.resolve("host.key"), 0, "bank", null,
                pair.getPublic())) {
            Files.createDirectories(server.root().resolve("outbox"));
            Path knownHosts = work.resolve("known_hosts");
            Files.writeString(knownHosts, server.knownHostsLine() + "\n");
            BankProperties.Sftp sftp = new BankProperties.Sftp("127.0.0.1", server.port(), "bank", null, key.toString(), knownHosts.toString(),
                    "outbox", "inbox");
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.start();
                ProducerTemplate producer = camel.createProducerTemplate();
                producer.sendBodyAndHeader(sftp.uploadUri(), "<Document/>", Exchange.FILE_NAME, "pain001-KEY.xml");
                assertThat(server.root().resolve("outbox/pain001-KEY.xml")).hasContent("<Document/>");

                // the same endpoint against a server with another host key: refused before anything is sent
                try (EmbeddedSftpServer other = EmbeddedSftpServer.start(work.resolve("other"), work.resolve("other.key"), 0, "bank", null,
                        pair.getPublic())) {
                    Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + other.knownHostsLine().split(" ", 2)[1] + "\n");
                }
                assertThatThrownBy(() -> producer.sendBodyAndHeader(sftp.uploadUri(), "<Document/>", Exchange.FILE_NAME, "pain001-MITM.xml"))
                        .isInstanceOf(CamelExecutionException.class);
                assertThat(server.root().resolve("outbox/pain001-MITM.xml")).doesNotExist();
            }
        }
    }

    @Test
    void a_bank_without_a_known_hosts_file_is_refused_at_configuration() {
        BankProperties.Sftp sftp = new BankProperties.Sftp("sftp.bank.example", 22, "bank", null, "/keys/id_rsa", " ", "outbox", "inbox");
        assertThatThrownBy(sftp::uploadUri)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sftp.bank.example has no known_hosts file");
    }

    @Test
    void a_server_going_away_mid_upload_leaves_no_file_under_the_final_name_and_the_next_try_sends_it_whole() throws Exception {
        Path key = work.resolve("id_rsa");
        var pair = EmbeddedSftpServer.writeClientKey(key);
        Path root = work.resolve("sftp");
        EmbeddedSftpServer server = EmbeddedSftpServer.start(root, work.resolve("host.key"), 0, "bank", null, pair.getPublic());
        int port = server.port();
        Files.createDirectories(root.resolve("outbox"));
        Path knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        BankProperties.Sftp sftp = new BankProperties.Sftp("127.0.0.1", port, "bank", null, key.toString(), knownHosts.toString(), "outbox", "inbox");
        byte[] big = new byte[48 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            EmbeddedSftpServer going = server;
            Thread killer = new Thread(() -> {
                try {
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                        try (var files = Files.list(root.resolve("outbox"))) {
                            return files.anyMatch(f -> f.getFileName().toString().startsWith(".uploading-"));
                        }
                    });
                    going.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            assertThatThrownBy(() -> producer.sendBodyAndHeader(sftp.uploadUri(), big, Exchange.FILE_NAME, "pain001-BIG.xml"))
                    .isInstanceOf(CamelExecutionException.class);
            killer.join();
            assertThat(root.resolve("outbox/pain001-BIG.xml")).as("never under its final name while partial").doesNotExist();

            try (EmbeddedSftpServer back = EmbeddedSftpServer.start(root, work.resolve("host.key"), port, "bank", null, pair.getPublic())) {
                producer.sendBodyAndHeader(sftp.uploadUri(), big, Exchange.FILE_NAME, "pain001-BIG.xml");
                assertThat(Files.size(root.resolve("outbox/pain001-BIG.xml"))).isEqualTo(big.length);
            }
        }
    }
}
