package io.settlehub.marketplace.route;

import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.feed.PartnerFeedRouteBuilder;
import io.settlehub.marketplace.feed.OzonFeed;
import org.springframework.stereotype.Component;

/**
 * Polls every configured Ozon seller account: fetch from the watermark, publish the canonical events (and any
 * unmapped records), then commit the watermark.
 */
@Component
public class OzonPollRoute extends PartnerFeedRouteBuilder {

    public static final String ROUTE_ID = "marketplace-ozon-poll";

    private final OzonFeed feed;

    public OzonPollRoute(OzonFeed feed, FeedMetrics metrics) {
        super(metrics);
        this.feed = feed;
    }

    @Override
    public void configure() {
        poll(ROUTE_ID, "timer:marketplace-ozon?period={{hub.ozon.poll-interval}}&delay={{hub.ozon.initial-delay}}", feed);
    }
}
