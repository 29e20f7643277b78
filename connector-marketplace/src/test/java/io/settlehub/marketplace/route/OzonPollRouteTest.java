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
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Ozon poll route end to end inside the service: WireMock Ozon in, the embedded broker out. The timer is
 * replaced by a direct endpoint so each test polls exactly when it says.
 */
class OzonPollRouteTest extends MarketplaceRouteTestBase {

    @Test
    void a_poll_publishes_canonical_events_keeps_unknown_records_and_a_repoll_publishes_nothing_twice() throws Exception {
        trigger(OzonPollRoute.ROUTE_ID);

        List<Message> events = drain(Addresses.EVENTS);
        List<CanonicalEvent> decoded = new ArrayList<>();
        for (Message message : events) {
            decoded.add(EventCodec.decode(((TextMessage) message).getText()));
        }
        assertThat(decoded).extracting(CanonicalEvent::type)
                .containsExactlyInAnyOrder(EventType.SALE, EventType.MARKETPLACE_CHARGE, EventType.MARKETPLACE_PAYOUT);
        Message sale = events.get(decoded.indexOf(decoded.stream().filter(e -> e.type() == EventType.SALE).findFirst().orElseThrow()));
        assertThat(sale.getStringProperty(MessageHeaders.EVENT_TYPE)).isEqualTo("SALE");
        assertThat(sale.getStringProperty(MessageHeaders.SOURCE)).isEqualTo("ozon");
        assertThat(sale.getStringProperty("JMSXGroupID")).isEqualTo("acme");

        List<Message> unmapped = drain(Addresses.UNMAPPED);
        assertThat(unmapped).hasSize(1);
        assertThat(unmapped.get(0).getStringProperty(MessageHeaders.FAILURE_REASON))
                .isEqualTo("unknown Ozon accrual type RfbsGlobalAgentFee (category other)");

        assertThat(Files.readString(state.resolve("ozon-acme.json")))
                .contains("\"accrualDate\":\"2026-03-03\"").contains("\"payoutsFrom\":\"2026-03-01\"");

        // Start over from the same window (a lost watermark): the broker drops every repeat by its eventId.
        Files.delete(state.resolve("ozon-acme.json"));
        trigger(OzonPollRoute.ROUTE_ID);
        assertThat(drain(Addresses.EVENTS)).isEmpty();
        assertThat(Collections.list(Collections.enumeration(drain(Addresses.UNMAPPED)))).isEmpty();
    }

    @Test
    void an_outage_keeps_the_watermark_and_the_next_poll_catches_up() throws Exception {
        Path watermark = state.resolve("ozon-acme.json");
        Files.deleteIfExists(watermark);
        OZON.stubFor(post("/v1/finance/accrual/by-day").atPriority(1).willReturn(aResponse().withStatus(502)));
        trigger(OzonPollRoute.ROUTE_ID);
        assertThat(watermark).doesNotExist();
        OZON.resetAll();
        io.settlehub.marketplace.Fixtures.stubOzonMarch(OZON);
        // the outage opened the circuit; once its open-state wait is over, the next poll catches up
        breakers.circuitBreaker("ozon").reset();
        trigger(OzonPollRoute.ROUTE_ID);
        assertThat(watermark).exists();
    }
}
