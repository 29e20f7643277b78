package io.settlehub.accounting.route;

import org.junit.jupiter.api.Tag;
import static io.settlehub.accounting.OneCStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.accounting.mapping.ExchangeXml;
import io.settlehub.contract.Addresses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;

/** Installations without OData: documents become XML files in the exchange folder, each version once. */
@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "spring.artemis.embedded.persistent=false", "hub.onec.mode=files"})
@Tag("integration")
class ExchangeFilesRouteTest {

    static Path exchange;

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) throws Exception {
        exchange = Files.createTempDirectory("onec-exchange");
        registry.add("hub.onec.exchange-uri", () -> "file:" + exchange + "?fileExist=Ignore&tempPrefix=.part-");
    }

    @Autowired
    JmsTemplate jms;

    @Test
    void each_version_of_a_document_is_one_xml_file_in_the_clients_folder_written_once() throws Exception {
        String v1 = fixture("hub/agent-report-v1.json");
        jms.convertAndSend(Addresses.ACCOUNTING_EXPORTS, v1);
        jms.convertAndSend(Addresses.ACCOUNTING_EXPORTS, v1);
        jms.convertAndSend(Addresses.ACCOUNTING_EXPORTS, v1.replace("\"version\": 1", "\"version\": 2"));

        Path first = exchange.resolve("acme/agent-report_acme_2026-03_RUB-v1.xml");
        Path second = exchange.resolve("acme/agent-report_acme_2026-03_RUB-v2.xml");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(second));
        try (Stream<Path> files = Files.list(exchange.resolve("acme"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(first.getFileName().toString(),
                    second.getFileName().toString());
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(first.toFile()).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ExchangeXml.NAMESPACE);
        assertThat(root.getAttribute("documentId")).isEqualTo("agent-report:acme:2026-03:RUB");
        assertThat(root.getAttribute("version")).isEqualTo("1");
        assertThat(root.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "clientNet").item(0).getTextContent()).contains("307.50");
    }
}
