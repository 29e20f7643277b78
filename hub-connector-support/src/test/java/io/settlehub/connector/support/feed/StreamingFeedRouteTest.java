package io.settlehub.connector.support.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's streaming route: each record the feed hands on is published there and then, the watermark committed once
 * the whole read went out; a publish the broker refuses stops the read and keeps the watermark.
 */
class StreamingFeedRouteTest {

    /** A report of three rows: two charges and one it cannot read. */
    static final class ReportFeed implements StreamingPartnerFeed<String, Long> {

        final Map<String, Long> watermarks = new ConcurrentHashMap<>();
        int handedOn;

        @Override
        public String name() {
            return "report";
        }

        @Override
        public List<String> accounts() {
            return List.of("acme");
        }

        @Override
        public Streamed<Long> stream(String account, Consumer<Object> sink) {
            for (int row = 1; row <= 3; row++) {
                handedOn++;
                sink.accept(row == 2 ? new UnmappedRecord("report", account, "report:" + row, "a row without an amount", null)
                        : new CanonicalEvent("report:" + account + ":" + row, EventType.MARKETPLACE_CHARGE, 1, "report", account,
                                Instant.parse("2026-11-30T10:00:00Z"), new EventPayload.MarketplaceCharge("storage", Money.of("10.00", "RUB"), null)));
            }
            return new Streamed<>(3, 2, 1, 3L, Instant.parse("2026-11-30T10:00:00Z"));
        }

        @Override
        public void commit(String account, Long next) {
            watermarks.put(account, next);
        }
    }

    private final ReportFeed feed = new ReportFeed();
    private DefaultCamelContext camel;

    private MockEndpoint start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new PartnerFeedRouteBuilder(new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC())) {
            @Override
            public void configure() {
                stream("report-poll", "timer:report?period=60000&delay=60000", feed);
            }
        });
        AdviceWith.adviceWith(camel, "report-poll", route -> route.replaceFromWith("direct:tick"));
        AdviceWith.adviceWith(camel, "report-poll-publish", route -> {
            route.weaveByToUri("jms:queue:hub.events*").replace().to("mock:events");
            route.weaveByToUri("jms:queue:hub.connectors.unmapped*").replace().to("mock:unmapped");
        });
        camel.start();
        return camel.getEndpoint("mock:events", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void each_record_is_published_as_it_is_handed_on_and_the_watermark_committed_after_the_last() throws Exception {
        MockEndpoint events = start();

        camel.createProducerTemplate().sendBody("direct:tick", "");

        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MessageHeaders.DUPLICATE_ID))
                .containsExactly("report:acme:1", "report:acme:3");
        assertThat(camel.getEndpoint("mock:unmapped", MockEndpoint.class).getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(MessageHeaders.FAILURE_REASON)).containsExactly("a row without an amount");
        assertThat(feed.watermarks).containsEntry("acme", 3L);
    }

    @Test
    void a_publish_the_broker_refuses_stops_the_read_and_keeps_the_watermark() throws Exception {
        MockEndpoint events = start();
        events.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("AMQ219010: connection is destroyed");
        });

        camel.createProducerTemplate().sendBody("direct:tick", "");

        assertThat(feed.handedOn).as("nothing read after the refused publish").isEqualTo(1);
        assertThat(feed.watermarks).isEmpty();
    }
}
