package io.settlehub.carrier.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.carrier.feed.CustomsFiles;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.testsupport.BrokerMocks;
import io.settlehub.testsupport.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customs route's branches over a real folder, the broker a mock: a file whose events the broker refuses stays
 * where it is and is published once the broker takes them; a file that cannot be read is set aside with its reason.
 */
class CustomsDeclarationInboxTest {

    @TempDir
    Path root;

    private DefaultCamelContext camel;
    private MockEndpoint events;
    private MockEndpoint unmapped;

    @BeforeEach
    void start() throws Exception {
        camel = BrokerMocks.started(new CustomsDeclarationRoute(new CustomsFiles(new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC()))),
                Map.of("hub.customs.root", root.toString(), "hub.customs.read-lock-min-age", "100"), null, null);
        events = camel.getEndpoint(HubEndpoints.EVENTS, MockEndpoint.class);
        unmapped = camel.getEndpoint(HubEndpoints.UNMAPPED, MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Path drop(String fixture) throws Exception {
        Path acme = Files.createDirectories(root.resolve("acme"));
        Path file = acme.resolve(fixture);
        Files.copy(getClass().getResourceAsStream("/customs/" + fixture), file);
        return file;
    }


    @Test
    void a_file_whose_events_the_broker_refuses_stays_in_place_and_is_published_once_the_broker_is_back() throws Exception {
        events.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("AMQ219010: connection is destroyed");
        });
        Path file = drop("declarations-2026-10.csv");

        await().atMost(Duration.ofSeconds(20)).until(() -> events.getReceivedCounter() >= 2);
        assertThat(Folders.count(root.resolve(".failed"))).as("a broker outage sets no good file aside").isZero();
        assertThat(Folders.count(root.resolve(".done"))).isZero();
        assertThat(file).exists();

        events.whenAnyExchangeReceived(exchange -> { });
        int refused = events.getReceivedCounter();
        await().atMost(Duration.ofSeconds(20)).until(() -> Folders.count(root.resolve(".done")) == 1);
        assertThat(events.getReceivedExchanges().subList(refused, events.getReceivedCounter()))
                .extracting(e -> e.getMessage().getHeader(MessageHeaders.DUPLICATE_ID))
                .containsExactly("customs:acme:10702010/151026/0034567:r0", "customs:acme:10702010/161026/0034601:r0");
        assertThat(file).doesNotExist();
        assertThat(Folders.count(root.resolve(".failed"))).isZero();
    }

    @Test
    void a_file_that_cannot_be_read_is_set_aside_with_its_reason_and_nothing_of_it_is_published() throws Exception {
        drop("declaration-missing-duty.csv");

        await().atMost(Duration.ofSeconds(20)).until(() -> Folders.count(root.resolve(".failed")) == 1);
        assertThat(unmapped.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MessageHeaders.FAILURE_REASON))
                .containsExactly("acme/declaration-missing-duty.csv line 2: duty is empty");
        assertThat(events.getReceivedCounter()).isZero();
        assertThat(Folders.count(root.resolve(".done"))).isZero();
    }

    @Test
    void an_unreadable_file_whose_reason_the_broker_refuses_stays_in_place_until_the_reason_is_published() throws Exception {
        unmapped.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("AMQ219010: connection is destroyed");
        });
        Path file = drop("declaration-missing-duty.csv");

        await().atMost(Duration.ofSeconds(20)).until(() -> unmapped.getReceivedCounter() >= 2);
        assertThat(file).exists();
        assertThat(Folders.count(root.resolve(".failed"))).isZero();

        unmapped.whenAnyExchangeReceived(exchange -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> Folders.count(root.resolve(".failed")) == 1);
        assertThat(file).doesNotExist();
    }
}
