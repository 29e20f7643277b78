package io.settlehub.carrier.route;

import io.settlehub.carrier.feed.CdekFeed;
import io.settlehub.connector.support.CanonicalEventMessage;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.connector.support.PerAccountRouteBuilder;
import io.settlehub.connector.support.UnmappedRecordMessage;
import org.springframework.stereotype.Component;

/**
 * Reads again, for every client with a CDEK contract, the orders its feed follows; the costs that became final are
 * published (delivery to a marketplace warehouse → SHIPMENT_COST, return → return logistics charge). Webhooks add the
 * orders to follow; this poll is what turns them into money, and catches a webhook that never came.
 */
@Component
public class CdekPollRoute extends PerAccountRouteBuilder {

    public static final String ROUTE_ID = "carrier-cdek-poll";

    @Override
    public void configure() {
        eachAccount(ROUTE_ID, "timer:carrier-cdek?period={{hub.cdek.poll-interval}}&delay={{hub.cdek.initial-delay}}",
                CdekFeed.class, "accounts")
                .bean(CdekFeed.class, "fetch")
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
                .bean(CdekFeed.class, "commit");
    }
}
