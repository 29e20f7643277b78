package io.settlehub.marketplace.route;

import io.settlehub.connector.support.PerAccountRouteBuilder;
import io.settlehub.connector.support.UnmappedRecordMessage;
import io.settlehub.connector.support.CanonicalEventMessage;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.marketplace.feed.AliExpressFeed;
import org.springframework.stereotype.Component;

/** Polls every configured AliExpress seller account: orders modified since the watermark → canonical events. */
@Component
public class AliExpressPollRoute extends PerAccountRouteBuilder {

    public static final String ROUTE_ID = "marketplace-aliexpress-poll";

    @Override
    public void configure() {
        eachAccount(ROUTE_ID, "timer:marketplace-aliexpress?period={{hub.aliexpress.poll-interval}}"
                        + "&delay={{hub.aliexpress.initial-delay}}", AliExpressFeed.class, "accounts")
                .bean(AliExpressFeed.class, "fetch")
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
                .bean(AliExpressFeed.class, "commit");
    }
}
