package io.settlehub.carrier.route;

import io.settlehub.carrier.feed.CdekFeed;
import io.settlehub.connector.support.PerAccountRouteBuilder;
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
        fetchPublishCommit(ROUTE_ID, "timer:carrier-cdek?period={{hub.cdek.poll-interval}}&delay={{hub.cdek.initial-delay}}", CdekFeed.class);
    }
}
