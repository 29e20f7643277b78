package io.settlehub.marketplace.route;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.marketplace.Fixtures;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AliExpress poll route inside the service: WireMock IOP gateway in, the embedded broker out. */
class AliExpressPollRouteTest extends MarketplaceRouteTestBase {

    @Test
    void an_expired_token_is_refreshed_once_the_orders_are_published_and_a_repoll_publishes_nothing_twice() throws Exception {
        AE.stubFor(get(urlPathEqualTo("/sync")).withQueryParam("access_token", equalTo("old-access-token"))
                .willReturn(okJson(Fixtures.aliexpress("error-illegal-access-token.json"))));
        AE.stubFor(get(urlPathEqualTo("/rest/auth/token/refresh")).withQueryParam("refresh_token", equalTo("old-refresh-token"))
                .willReturn(okJson(Fixtures.aliexpress("token-refresh.json"))));
        String renewed = "50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg";
        AE.stubFor(get(urlPathEqualTo("/sync")).withQueryParam("access_token", equalTo(renewed))
                .withQueryParam("param0", matchingJsonPath("$.current_page", equalTo("1")))
                .willReturn(okJson(Fixtures.aliexpress("orders-page-1.json"))));
        AE.stubFor(get(urlPathEqualTo("/sync")).withQueryParam("access_token", equalTo(renewed))
                .withQueryParam("param0", matchingJsonPath("$.current_page", equalTo("2")))
                .willReturn(okJson(Fixtures.aliexpress("orders-page-2.json"))));

        trigger(AliExpressPollRoute.ROUTE_ID);

        List<CanonicalEvent> events = new ArrayList<>();
        for (Message message : drain(Addresses.EVENTS)) {
            events.add(EventCodec.decode(((TextMessage) message).getText()));
        }
        // page 1: 4 + 2 + 6 events; page 2: 3 for the refunded order, none for the unpaid one
        assertThat(events).hasSize(15);
        assertThat(events).extracting(CanonicalEvent::source).containsOnly("aliexpress");
        List<Message> unmapped = drain(Addresses.UNMAPPED);
        assertThat(unmapped).hasSize(1);
        assertThat(unmapped.get(0).getStringProperty("failureReason")).contains("8191234567006").contains("sku_code");
        AE.verify(1, getRequestedFor(urlPathEqualTo("/rest/auth/token/refresh")));
        String tokens = Files.readString(state.resolve("aliexpress-tokens-acme.json"));
        assertThat(tokens).contains(renewed);
        assertThat(Files.readString(state.resolve("aliexpress-acme.json"))).contains("\"since\"");

        // the next poll uses the kept token and publishes nothing that was published
        trigger(AliExpressPollRoute.ROUTE_ID);
        assertThat(drain(Addresses.EVENTS)).isEmpty();
        AE.verify(1, getRequestedFor(urlPathEqualTo("/rest/auth/token/refresh")));
    }
}
