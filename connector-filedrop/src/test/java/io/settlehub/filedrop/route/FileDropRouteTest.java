package io.settlehub.filedrop.route;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.MessageHeaders;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service end to end: reports dropped in the folder or uploaded over HTTP, the embedded broker out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.artemis.mode=embedded",
        "spring.artemis.embedded.enabled=true", "spring.artemis.embedded.persistent=false",
        "hub.http.max-body-bytes=65536"})
@ActiveProfiles("test")
@Tag("integration")
class FileDropRouteTest {

    static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) throws Exception {
        root = Files.createTempDirectory("file-drop");
        registry.add("hub.file-drop.root", root::toString);
    }

    @Autowired
    JmsTemplate jms;
    @LocalServerPort
    int port;

    Path folder() {
        return root.resolve("megamarket");
    }

    List<Message> drain(String queue) {
        jms.setReceiveTimeout(1000);
        List<Message> messages = new ArrayList<>();
        Message message;
        while ((message = jms.receive(queue)) != null) {
            messages.add(message);
        }
        return messages;
    }

    List<Message> awaitMessages(String queue, int count) {
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(drain(queue));
            return received.size() >= count;
        });
        return received;
    }

    static byte[] fixture(String name) throws Exception {
        return FileDropRouteTest.class.getResourceAsStream("/megamarket/" + name).readAllBytes();
    }

    /** The fixture with its row ids prefixed: other rows for the broker, which remembers the ids it has seen. */
    static byte[] withRowIds(String prefix) throws Exception {
        String text = new String(fixture("report-2026-03.csv"), java.nio.charset.StandardCharsets.UTF_8);
        return text.replaceAll("(?m)^(\\d+);", prefix + "$1;").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    List<Path> under(String sub) throws Exception {
        Path dir = folder().resolve(sub);
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void a_dropped_report_is_published_row_by_row_moved_to_done_and_dropping_it_again_publishes_nothing_new() throws Exception {
        Files.createDirectories(folder());
        int doneBefore = under(".done").size();
        Files.write(folder().resolve("report-2026-03.csv"), fixture("report-2026-03.csv"));

        List<Message> events = awaitMessages(Addresses.EVENTS, 4);
        List<CanonicalEvent> decoded = new ArrayList<>();
        for (Message message : events) {
            decoded.add(EventCodec.decode(((TextMessage) message).getText()));
        }
        assertThat(decoded).extracting(CanonicalEvent::eventId).containsExactly("megamarket:acme:1", "megamarket:acme:2", "megamarket:acme:3",
                "megamarket:acme:4");
        assertThat(events.get(0).getStringProperty(MessageHeaders.SOURCE)).isEqualTo("megamarket");
        List<Message> unmapped = awaitMessages(Addresses.UNMAPPED, 2);
        assertThat(unmapped.get(1).getStringProperty(MessageHeaders.FAILURE_REASON)).isEqualTo(
                "report-2026-03.csv line 7: amount (column 'Сумма, руб.') is empty");
        await().atMost(Duration.ofSeconds(10)).until(() -> under(".done").size() == doneBefore + 1);

        Files.write(folder().resolve("report-2026-03-again.csv"), fixture("report-2026-03.csv"));
        await().atMost(Duration.ofSeconds(20)).until(() -> under(".done").size() == doneBefore + 2);
        assertThat(drain(Addresses.EVENTS)).as("the broker drops every repeated row by its event id").isEmpty();
    }

    @Test
    void an_unreadable_report_moves_to_failed_and_its_reason_is_published() throws Exception {
        Files.createDirectories(folder());
        Files.write(folder().resolve("report-without-amount-column.csv"), fixture("report-without-amount-column.csv"));
        await().atMost(Duration.ofSeconds(20)).until(() -> under(".failed").size() == 1);
        List<Message> reasons = awaitMessages(Addresses.UNMAPPED, 1);
        assertThat(reasons.get(0).getStringProperty(MessageHeaders.FAILURE_REASON)).contains("report-without-amount-column.csv")
                .contains("no column 'Сумма, руб.'");
    }

    @Test
    void an_upload_needs_the_token_and_lands_in_the_folder_whole() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/file-drop/megamarket?name=uploaded-2026-03.csv");
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(
                fixture("report-2026-03.csv"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> badName = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/file-drop/megamarket?name=../../etc/passwd.csv")).header("Authorization", "Bearer test-upload-token-0123456789")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badName.statusCode()).isEqualTo(400);
        for (String hidden : List.of("...csv", ".report.csv", "-report.csv")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/file-drop/megamarket?name=" + hidden)).header("Authorization", "Bearer test-upload-token-0123456789")
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("a name the folder's route would never read: %s", hidden).isEqualTo(400);
            assertThat(refused.body()).contains("name must start with a letter or digit");
        }
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/file-drop/megamarket?name=empty-2026-03.csv")).header("Authorization", "Bearer test-upload-token-0123456789")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("the report is empty (0 bytes)");
        Files.createDirectories(folder());
        try (var files = Files.list(folder())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing stored").noneMatch(name -> name.startsWith("empty-"));
        }

        int doneBefore = under(".done").size();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer test-upload-token-0123456789")
                .POST(HttpRequest.BodyPublishers.ofByteArray(withRowIds("U"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> under(".done").size() == doneBefore + 1);
        List<String> ids = new ArrayList<>();
        for (Message message : awaitMessages(Addresses.EVENTS, 4)) {
            ids.add(EventCodec.decode(((TextMessage) message).getText()).eventId());
        }
        assertThat(ids).containsExactly("megamarket:acme:U1", "megamarket:acme:U2", "megamarket:acme:U3", "megamarket:acme:U4");
        drain(Addresses.UNMAPPED);
    }

    @Test
    void an_upload_as_curl_sends_it_without_a_content_type_is_read_whole() throws Exception {
        // curl --data-binary @report.csv, no -H 'Content-Type': the body goes as application/x-www-form-urlencoded
        int doneBefore = under(".done").size();
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/file-drop/megamarket?name=curl-2026-03.csv")).header("Authorization", "Bearer test-upload-token-0123456789")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(withRowIds("C"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> under(".done").size() == doneBefore + 1);
        List<String> ids = new ArrayList<>();
        for (Message message : awaitMessages(Addresses.EVENTS, 4)) {
            ids.add(EventCodec.decode(((TextMessage) message).getText()).eventId());
        }
        assertThat(ids).containsExactly("megamarket:acme:C1", "megamarket:acme:C2", "megamarket:acme:C3", "megamarket:acme:C4");
        drain(Addresses.UNMAPPED);
    }

    @Test
    void an_upload_beyond_the_size_limit_is_refused_and_leaves_nothing_behind() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/file-drop/megamarket?name=too-large.csv");
        byte[] large = new byte[200_000];
        java.util.Arrays.fill(large, (byte) 'x');

        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer test-upload-token-0123456789")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer test-upload-token-0123456789")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("larger than 65536 bytes");
        assertThat(chunked.statusCode()).isEqualTo(413);
        Files.createDirectories(folder());
        try (var files = Files.list(folder())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("too-large"));
        }
    }
}
