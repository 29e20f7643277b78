package io.settlehub.accounting.route;

import org.junit.jupiter.api.Tag;
import static io.settlehub.accounting.OneCStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.contract.Addresses;
import io.settlehub.testsupport.EmbeddedSftpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The exchange folder on the accountant's SFTP server (a real one, MINA SSHD, with host-key verification). */
@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "spring.artemis.embedded.persistent=false", "hub.onec.mode=files"})
@Tag("integration")
class ExchangeFilesOverSftpTest {

    static EmbeddedSftpServer sftp;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) throws Exception {
        Path work = Files.createTempDirectory("onec-sftp");
        sftp = EmbeddedSftpServer.start(work.resolve("root"), work.resolve("host.key"), 0, "accounting", "exchange-pass-0123");
        Path knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, sftp.knownHostsLine() + "\n");
        registry.add("hub.onec.exchange-uri", () -> "sftp://accounting@127.0.0.1:" + sftp.port() + "/1c-exchange"
                + "?password=exchange-pass-0123&knownHostsFile=" + knownHosts + "&strictHostKeyChecking=yes&autoCreate=true"
                + "&fileExist=Ignore&tempPrefix=.part-");
    }

    @AfterAll
    static void stop() throws Exception {
        sftp.close();
    }

    @Autowired
    JmsTemplate jms;

    @Test
    void a_document_version_lands_once_in_the_clients_folder_on_the_sftp_server() throws Exception {
        String payout = fixture("hub/payout-v1.json");
        jms.convertAndSend(Addresses.ACCOUNTING_EXPORTS, payout);
        jms.convertAndSend(Addresses.ACCOUNTING_EXPORTS, payout);

        Path folder = sftp.root().resolve("1c-exchange/acme");
        Path file = folder.resolve("payment_7f3c2a1e9b8d4c6a-v1.xml");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file));
        // the same version sent twice: still one file a second later
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(file.getFileName().toString());
            }
        });
        assertThat(Files.readString(file)).contains("<instructionId>7f3c2a1e9b8d4c6a</instructionId>").contains("<amount>1297.19</amount>");
    }
}
