package io.settlehub.accounting.route;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.settlehub.accounting.OneCStub.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.accounting.config.OneCProperties;
import io.settlehub.accounting.config.OneCProperties.Infobase;
import io.settlehub.accounting.feed.GoodsReceiptsFeed;
import io.settlehub.accounting.partner.onec.ODataCatalogs;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.testsupport.BrokerMocks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goods-receipts route's branches, the timer and the broker replaced: receipts published and the watermark moved on;
 * 1C failing or the broker refusing publishes what it can and keeps the watermark, so the next poll reads the same again.
 */
class GoodsReceiptsRouteTest {

    @RegisterExtension
    static final WireMockExtension ONEC = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    static final String RECEIPTS = "Document_ПоступлениеТоваровУслуг";
    static final String FIRST_POLL = "Posted eq true and DeletionMark eq false and Date ge datetime'2026-02-01T00:00:00'";
    static final String AFTER_THE_NEWEST = "Posted eq true and DeletionMark eq false and Date ge datetime'2026-02-22T15:45:10'";

    @TempDir
    Path state;

    private DefaultCamelContext camel;
    private MockEndpoint events;
    private MockEndpoint unmapped;

    @BeforeEach
    void start() throws Exception {
        ONEC.stubFor(get(set(RECEIPTS)).willReturn(okJson(fixture("1c/goods-receipts.json"))));
        ONEC.stubFor(get(keyed("Catalog_Номенклатура", "5b2d6a4e-1f0c-11ef-8a57-005056b7c1d1", "")).willReturn(okJson(fixture("1c/item-lamp.json"))));
        ONEC.stubFor(get(keyed("Catalog_Номенклатура", "5b2d6a4f-1f0c-11ef-8a57-005056b7c1d1", "")).willReturn(okJson(fixture("1c/item-without-sku.json"))));
        ONEC.stubFor(get(keyed("Catalog_Валюты", "a0c7b8b3-97d2-11e6-80c8-0cc47a0d6ba5", "")).willReturn(okJson(fixture("1c/currency-cny.json"))));
        ONEC.stubFor(get(set(ODataCatalogs.SUPPLIER_PRICES)).willReturn(okJson(fixture("1c/supplier-price-lamp.json"))));
        Infobase acme = new Infobase("acme", ONEC.baseUrl() + BASE, USER, PASSWORD, null, null, null, LocalDate.of(2026, 2, 1),
                Map.of("77a0b1c2-0f4b-11ef-8a57-005056b7c1d1", "shenzhen-lights"));
        GoodsReceiptsFeed feed = new GoodsReceiptsFeed(new OneCProperties("odata", null, state, null, null, List.of(acme)), acmeInfobase(acme));

        camel = BrokerMocks.started(new GoodsReceiptsRoute(feed, new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC())),
                Map.of("hub.onec.receipts-poll-interval", "60000", "hub.onec.receipts-initial-delay", "60000"), GoodsReceiptsRoute.ROUTE_ID, "direct:tick");
        events = camel.getEndpoint(HubEndpoints.EVENTS, MockEndpoint.class);
        unmapped = camel.getEndpoint(HubEndpoints.UNMAPPED, MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private void tick() {
        camel.createProducerTemplate().sendBody("direct:tick", "");
    }

    private static void nextPollAsks(String filter) {
        ONEC.verify(getRequestedFor(set(RECEIPTS)).withQueryParam("$filter", equalTo(filter)));
    }

    @Test
    void posted_receipts_are_published_and_the_next_poll_asks_after_the_newest() {
        tick();

        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MessageHeaders.DUPLICATE_ID))
                .containsExactly("1c:acme:receipt:4c9d1a10-2f11-11ef-8a57-005056b7c1d1", "1c:acme:receipt:4c9d1a11-2f11-11ef-8a57-005056b7c1d1");
        assertThat(unmapped.getReceivedExchanges()).hasSize(1);
        ONEC.resetRequests();
        tick();
        nextPollAsks(AFTER_THE_NEWEST);
    }

    @Test
    void an_infobase_that_fails_publishes_nothing_and_is_asked_the_same_again() {
        ONEC.stubFor(get(set(RECEIPTS)).willReturn(aResponse().withStatus(503)));
        tick();
        assertThat(events.getReceivedCounter()).isZero();

        ONEC.stubFor(get(set(RECEIPTS)).willReturn(okJson(fixture("1c/goods-receipts.json"))));
        ONEC.resetRequests();
        tick();
        nextPollAsks(FIRST_POLL);
        assertThat(events.getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void receipts_the_broker_refuses_keep_the_watermark_so_the_next_poll_publishes_them_again() {
        events.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("AMQ219010: connection is destroyed");
        });
        tick();

        events.whenAnyExchangeReceived(exchange -> { });
        ONEC.resetRequests();
        tick();
        nextPollAsks(FIRST_POLL);
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MessageHeaders.DUPLICATE_ID))
                .endsWith("1c:acme:receipt:4c9d1a10-2f11-11ef-8a57-005056b7c1d1", "1c:acme:receipt:4c9d1a11-2f11-11ef-8a57-005056b7c1d1");
    }
}
