package io.settlehub.carrier.route;

import io.settlehub.carrier.feed.CdekFeed;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.feed.PartnerFeedRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Reads again, for every client with a CDEK contract, the orders its feed follows; the costs that became final are
 * published (delivery to a marketplace warehouse → SHIPMENT_COST, return → return logistics charge). Webhooks add the
 * orders to follow; this poll is what turns them into money, and catches a webhook that never came.
 */
@Component
public class CdekPollRoute extends PartnerFeedRouteBuilder {

    public static final String ROUTE_ID = "carrier-cdek-poll";

    private final CdekFeed feed;

    public CdekPollRoute(CdekFeed feed, FeedMetrics metrics) {
        super(metrics);
        this.feed = feed;
    }

    @Override
    public void configure() {
        poll(ROUTE_ID, "timer:carrier-cdek?period={{hub.cdek.poll-interval}}&delay={{hub.cdek.initial-delay}}", feed);
    }
}
