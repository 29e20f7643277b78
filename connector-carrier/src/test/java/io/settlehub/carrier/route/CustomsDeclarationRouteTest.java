package io.settlehub.carrier.route;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.testsupport.Folders;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Declaration files dropped in a client's folder, the embedded broker out. */
@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "spring.artemis.embedded.persistent=false"})
@Tag("integration")
class CustomsDeclarationRouteTest {

    static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) throws Exception {
        root = Files.createTempDirectory("customs");
        registry.add("hub.customs.root", root::toString);
    }

    @Autowired
    JmsTemplate jms;

    List<Message> awaitMessages(String queue, int count) {
        List<Message> received = new ArrayList<>();
        jms.setReceiveTimeout(500);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Message message;
            while ((message = jms.receive(queue)) != null) {
                received.add(message);
            }
            return received.size() >= count;
        });
        return received;
    }


    @Test
    void declarations_in_a_clients_folder_are_published_and_a_broken_file_is_set_aside_with_its_reason() throws Exception {
        Path acme = Files.createDirectories(root.resolve("acme"));
        Files.copy(getClass().getResourceAsStream("/customs/declarations-2026-10.csv"), acme.resolve("declarations-2026-10.csv"));
        List<CanonicalEvent> events = new ArrayList<>();
        for (Message message : awaitMessages(Addresses.EVENTS, 2)) {
            events.add(EventCodec.decode(((TextMessage) message).getText()));
        }
        assertThat(events).extracting(CanonicalEvent::eventId).containsExactly("customs:acme:10702010/151026/0034567:r0",
                "customs:acme:10702010/161026/0034601:r0");
        assertThat(events).extracting(CanonicalEvent::clientId).containsOnly("acme");
        await().atMost(Duration.ofSeconds(10)).until(() -> Folders.count(root.resolve(".done")) == 1);

        Files.copy(getClass().getResourceAsStream("/customs/declaration-missing-duty.csv"), acme.resolve("declaration-missing-duty.csv"));
        List<Message> reasons = awaitMessages(Addresses.UNMAPPED, 1);
        assertThat(reasons.get(0).getStringProperty(MessageHeaders.FAILURE_REASON)).isEqualTo("acme/declaration-missing-duty.csv line 2: duty is empty");
        await().atMost(Duration.ofSeconds(10)).until(() -> Folders.count(root.resolve(".failed")) == 1);
    }
}
