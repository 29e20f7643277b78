package io.settlehub.marketplace.route;

import io.settlehub.connector.support.PerAccountRouteBuilder;
import io.settlehub.marketplace.feed.OzonFeed;
import org.springframework.stereotype.Component;

/**
 * Polls every configured Ozon seller account: fetch from the watermark, publish the canonical events (and any
 * unmapped records), then commit the watermark.
 */
@Component
public class OzonPollRoute extends PerAccountRouteBuilder {

    public static final String ROUTE_ID = "marketplace-ozon-poll";

    @Override
    public void configure() {
        fetchPublishCommit(ROUTE_ID, "timer:marketplace-ozon?period={{hub.ozon.poll-interval}}&delay={{hub.ozon.initial-delay}}", OzonFeed.class);
    }
}
