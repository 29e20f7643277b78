package io.settlehub.bank;

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
 * The bank's SFTP with key authentication, as banks run it: the connector's upload endpoint logs in with its private
 * key and checks the server's host key; a server presenting another host key is refused.
 */
class SftpKeyAuthenticationTest {

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
}
