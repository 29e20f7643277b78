package io.settlehub.marketplace.route;

import io.settlehub.connector.support.CanonicalEventMessage;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.marketplace.feed.OzonFeed;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Polls every configured Ozon seller account: fetch from the watermark, publish the canonical events (and any
 * unmapped records), then commit the watermark. A failing account keeps its watermark and does not stop others.
 */
@Component
public class OzonPollRoute extends RouteBuilder {

    public static final String ROUTE_ID = "marketplace-ozon-poll";
    public static final String ACCOUNT_ROUTE_ID = "marketplace-ozon-account";
    private static final String ACCOUNT = "direct:" + ACCOUNT_ROUTE_ID;

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .bean(OzonFeed.class, "failed(${exchangeProperty.account}, ${exception})");

        from("timer:marketplace-ozon?period={{hub.ozon.poll-interval}}&delay={{hub.ozon.initial-delay}}")
                .routeId(ROUTE_ID)
                .bean(OzonFeed.class, "accounts")
                .split(body())
                    .to(ACCOUNT)
                .end();

        from(ACCOUNT)
                .routeId(ACCOUNT_ROUTE_ID)
                .setProperty("account", body())
                .bean(OzonFeed.class, "fetch")
                .setProperty("fetched", body())
                .split(simple("${body.events}"))
                    .process(new CanonicalEventMessage())
                    .to(HubEndpoints.EVENTS)
                .end()
                .split(simple("${exchangeProperty.fetched.unmapped}"))
                    .process(new UnmappedRecordMessage())
                    .to(HubEndpoints.UNMAPPED)
                .end()
                .setBody(exchangeProperty("fetched"))
                .bean(OzonFeed.class, "commit");
    }
}
