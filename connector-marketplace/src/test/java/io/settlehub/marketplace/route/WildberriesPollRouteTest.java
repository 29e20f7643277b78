package io.settlehub.marketplace.route;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.marketplace.Fixtures;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Wildberries poll route inside the service: WireMock WB (statistics API) in, the embedded broker out. */
class WildberriesPollRouteTest extends MarketplaceRouteTestBase {

    static final String REPORT = "/api/v5/supplier/reportDetailByPeriod";

    /**
     * The fixture report, its row ids (and report id) starting with {@code idPrefix} instead of 18844100 (3102845): the
     * broker remembers ids across tests, so a test that needs fresh ones takes its own.
     */
    static String page(String fixture, String idPrefix) {
        String original = Fixtures.wildberries(fixture);
        return idPrefix.equals("18844100") ? original
                : original.replace("18844100", idPrefix).replace("310284561", idPrefix.substring(0, 7) + "61");
    }

    void stubTwoPages(String idPrefix) {
        WB.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("rrdid", equalTo("0"))
                .willReturn(okJson(page("report-statistics-page-1.json", idPrefix))));
        WB.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("rrdid", equalTo(idPrefix + "12"))
                .willReturn(okJson(page("report-statistics-page-2.json", idPrefix))));
        WB.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("rrdid", equalTo(idPrefix + "13")).willReturn(okJson("[]")));
    }

    static List<CanonicalEvent> decode(List<Message> messages) throws Exception {
        List<CanonicalEvent> events = new ArrayList<>();
        for (Message message : messages) {
            events.add(EventCodec.decode(((TextMessage) message).getText()));
        }
        return events;
    }

    @Test
    void a_poll_reads_every_page_publishes_each_row_and_the_reports_payout_and_a_repoll_publishes_nothing_twice() throws Exception {
        stubTwoPages("18844100");
        trigger(WildberriesPollRoute.ROUTE_ID);

        List<Message> messages = drain(Addresses.EVENTS);
        List<CanonicalEvent> events = decode(messages);
        // 2 sales, 1 return, 9 charge rows (one of them is not money: none here), 1 payout for report 310284561
        assertThat(events).extracting(CanonicalEvent::type).containsOnly(EventType.SALE, EventType.RETURN,
                EventType.MARKETPLACE_CHARGE, EventType.MARKETPLACE_PAYOUT);
        assertThat(events.stream().filter(e -> e.type() == EventType.SALE)).hasSize(2);
        assertThat(events.stream().filter(e -> e.type() == EventType.MARKETPLACE_CHARGE)).hasSize(9);
        assertThat(events.get(events.size() - 1).eventId()).isEqualTo("wildberries:acme:report:310284561:payout");
        assertThat(messages.get(0).getStringProperty(MessageHeaders.SOURCE)).isEqualTo("wildberries");
        assertThat(messages.get(0).getStringProperty("JMSXGroupID")).isEqualTo("acme");

        List<Message> unmapped = drain(Addresses.UNMAPPED);
        assertThat(unmapped).hasSize(1);
        assertThat(unmapped.get(0).getStringProperty(MessageHeaders.FAILURE_REASON)).contains("Перевыставление сервисного сбора");
        Path watermark = state.resolve("wildberries-acme.json");
        assertThat(Files.readString(watermark)).contains("\"dateFrom\":\"2026-03-02\"");
        WB.verify(3, getRequestedFor(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("wb-token-acme")));

        // the next poll reads the latest report again whole: the broker drops every repeat by its eventId
        trigger(WildberriesPollRoute.ROUTE_ID);
        assertThat(drain(Addresses.EVENTS)).isEmpty();
        assertThat(drain(Addresses.UNMAPPED)).isEmpty();
    }

    @Test
    void a_token_wb_refuses_publishes_nothing_keeps_the_watermark_and_counts_the_error() throws Exception {
        WB.stubFor(get(urlPathEqualTo(REPORT)).willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"token expired\"}")));
        trigger(WildberriesPollRoute.ROUTE_ID);
        assertThat(drain(Addresses.EVENTS)).isEmpty();
        assertThat(state.resolve("wildberries-acme.json")).doesNotExist();
        assertThat(registry.counter("hub.feed.errors", "feed", "wildberries", "client", "acme", "kind", "rejected").count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void a_page_that_breaks_off_keeps_the_watermark_and_the_next_poll_publishes_what_was_missing() throws Exception {
        String page = page("report-statistics-page-1.json", "28844100");
        WB.stubFor(get(urlPathEqualTo(REPORT)).willReturn(okJson(page.substring(0, page.indexOf("\"rrd_id\": 2884410005")))));
        trigger(WildberriesPollRoute.ROUTE_ID);
        int before = drain(Addresses.EVENTS).size();
        assertThat(before).as("rows before the break were published").isEqualTo(4);
        assertThat(state.resolve("wildberries-acme.json")).doesNotExist();

        WB.resetAll();
        stubTwoPages("28844100");
        trigger(WildberriesPollRoute.ROUTE_ID);
        List<CanonicalEvent> rest = decode(drain(Addresses.EVENTS));
        assertThat(rest).hasSize(13 - before).extracting(CanonicalEvent::eventId)
                .doesNotContain("wildberries:acme:rrd:2884410001").contains("wildberries:acme:report:288441061:payout");
    }
}
