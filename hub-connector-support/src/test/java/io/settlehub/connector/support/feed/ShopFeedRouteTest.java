package io.settlehub.connector.support.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerUnavailableException;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/adding-a-connector.md, compiled and run: a partner's feed of charges (ShopFeed) polled by the
 * kit's route, with the broker replaced by mock endpoints (AdviceWith). Each branch: a good poll publishes and commits,
 * a partner outage or a record the mapper cannot read keeps the account's watermark, counted, and the other accounts go on.
 */
class ShopFeedRouteTest {

    // --- the guide's example: begin ---
    /** A shop's charges since a record number: one canonical event each, or an unmapped record with the reason. */
    static final class ShopFeed implements PartnerFeed<String, Long> {

        interface ShopClient {
            List<Map<String, String>> chargesAfter(String shop, long lastRecord);
        }

        private final ShopClient client;
        private final Map<String, Long> watermarks;

        ShopFeed(ShopClient client, Map<String, Long> watermarks) {
            this.client = client;
            this.watermarks = watermarks;
        }

        @Override
        public String name() {
            return "shop";
        }

        @Override
        public List<String> accounts() {
            return List.of("acme", "globex");
        }

        @Override
        public String clientOf(String account) {
            return account;
        }

        @Override
        public Fetched<Long> fetch(String shop) {
            long last = watermarks.getOrDefault(shop, 0L);
            List<CanonicalEvent> events = new ArrayList<>();
            List<UnmappedRecord> unmapped = new ArrayList<>();
            for (Map<String, String> record : client.chargesAfter(shop, last)) {
                String id = "shop:" + shop + ":charge:" + record.get("id");
                if (record.get("amount") == null) {
                    unmapped.add(new UnmappedRecord("shop", shop, id, "a charge without an amount", null));
                } else {
                    events.add(new CanonicalEvent(id, EventType.MARKETPLACE_CHARGE, 1, "shop", shop, Instant.parse(record.get("at")),
                            new EventPayload.MarketplaceCharge(record.get("kind"), Money.of(record.get("amount"), "RUB"), null)));
                }
                last = Math.max(last, Long.parseLong(record.get("id")));
            }
            return new Fetched<>(events, unmapped, last, Instant.now());
        }

        @Override
        public void commit(String shop, Long lastRecord) {
            watermarks.put(shop, lastRecord);
        }
    }

    /** The whole route: the kit polls every account, publishes, commits, counts. */
    static final class ShopPollRoute extends PartnerFeedRouteBuilder {

        private final ShopFeed feed;

        ShopPollRoute(ShopFeed feed, FeedMetrics metrics) {
            super(metrics);
            this.feed = feed;
        }

        @Override
        public void configure() {
            poll("shop-poll", "timer:shop?period=60000", feed);
        }
    }
    // --- the guide's example: end ---

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, Long> watermarks = new ConcurrentHashMap<>();
    private DefaultCamelContext camel;

    private static Map<String, String> charge(String id, String amount) {
        return amount == null ? Map.of("id", id, "kind", "storage", "at", "2026-11-30T10:00:00Z")
                : Map.of("id", id, "kind", "storage", "amount", amount, "at", "2026-11-30T10:00:00Z");
    }

    private MockEndpoint start(ShopFeed.ShopClient client) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new ShopPollRoute(new ShopFeed(client, watermarks), new FeedMetrics(registry, Clock.systemUTC())));
        AdviceWith.adviceWith(camel, "shop-poll-account", route -> {
            route.weaveByToUri("jms:queue:hub.events*").replace().to("mock:events");
            route.weaveByToUri("jms:queue:hub.connectors.unmapped*").replace().to("mock:unmapped");
        });
        camel.start();
        return camel.getEndpoint("mock:events", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    private double counted(String name, String client) {
        var counter = registry.find(name).tag("feed", "shop").tag("client", client).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_poll_publishes_each_event_with_the_contracts_headers_and_each_unreadable_record_then_commits() throws Exception {
        MockEndpoint events = start((shop, last) -> shop.equals("acme")
                ? List.of(charge("7", "55.10"), charge("8", null), charge("9", "12.00")) : List.of());
        MockEndpoint unmapped = camel.getEndpoint("mock:unmapped", MockEndpoint.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> watermarks.containsKey("acme") && watermarks.containsKey("globex"));
        assertThat(watermarks).containsEntry("acme", 9L).containsEntry("globex", 0L);
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MessageHeaders.DUPLICATE_ID))
                .containsExactly("shop:acme:charge:7", "shop:acme:charge:9");
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader(MessageHeaders.GROUP_ID)).isEqualTo("acme");
        assertThat(events.getReceivedExchanges().get(0).getMessage().getBody(String.class)).contains("\"amount\":\"55.10\"");
        assertThat(unmapped.getReceivedExchanges()).hasSize(1);
        assertThat(unmapped.getReceivedExchanges().get(0).getMessage().getHeader(MessageHeaders.FAILURE_REASON))
                .isEqualTo("a charge without an amount");
        assertThat(counted("hub.feed.events.published", "acme")).isEqualTo(2);
        assertThat(counted("hub.feed.records.unmapped", "acme")).isEqualTo(1);
    }

    @Test
    void a_partner_outage_or_an_unreadable_answer_keeps_that_accounts_watermark_and_the_others_go_on() throws Exception {
        watermarks.put("acme", 6L);
        MockEndpoint events = start((shop, last) -> {
            if (shop.equals("acme")) {
                throw new PartnerUnavailableException("shop acme: 503 Service Unavailable");
            }
            throw new PartnerFormatException("shop globex: the answer is not JSON");
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.find("hub.feed.errors").counters().size() == 2);
        assertThat(registry.find("hub.feed.errors").tag("client", "acme").tag("kind", "unavailable").counter().count()).isEqualTo(1);
        assertThat(registry.find("hub.feed.errors").tag("client", "globex").tag("kind", "format").counter().count()).isEqualTo(1);
        assertThat(watermarks).as("nothing committed: the next poll asks again").containsExactly(Map.entry("acme", 6L));
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void events_the_broker_refuses_keep_the_watermark_so_the_next_poll_publishes_them_again() throws Exception {
        watermarks.put("acme", 6L);
        MockEndpoint events = start((shop, last) -> shop.equals("acme") ? List.of(charge("7", "55.10"), charge("9", "12.00")) : List.of());
        events.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("AMQ219010: connection is destroyed");
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> watermarks.containsKey("globex"));
        assertThat(watermarks).as("a refused publish commits nothing; the other accounts go on").containsEntry("acme", 6L).containsEntry("globex", 0L);
        assertThat(counted("hub.feed.errors", "acme")).isEqualTo(1);
        assertThat(events.getReceivedCounter()).as("the rest of the page is not sent to a broker that refuses").isEqualTo(1);
    }

    @Test
    void the_guide_shows_this_example() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "adding-a-connector.md"));
        String source = Files.readString(Path.of("src", "test", "java", "io", "settlehub", "connector", "support", "feed",
                "ShopFeedRouteTest.java"));
        String example = source.substring(source.indexOf("// --- the guide's example: begin ---") + 38,
                source.indexOf("    // --- the guide's example: end ---"));
        assertThat(guide).as("docs/adding-a-connector.md quotes ShopFeedRouteTest's example as it is").contains(example.stripTrailing().stripIndent().strip());
    }
}
