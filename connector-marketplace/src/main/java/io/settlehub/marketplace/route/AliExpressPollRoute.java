package io.settlehub.marketplace.route;

import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.feed.PartnerFeedRouteBuilder;
import io.settlehub.marketplace.feed.AliExpressFeed;
import org.springframework.stereotype.Component;

/** Polls every configured AliExpress seller account: orders modified since the watermark → canonical events. */
@Component
public class AliExpressPollRoute extends PartnerFeedRouteBuilder {

    public static final String ROUTE_ID = "marketplace-aliexpress-poll";

    private final AliExpressFeed feed;

    public AliExpressPollRoute(AliExpressFeed feed, FeedMetrics metrics) {
        super(metrics);
        this.feed = feed;
    }

    @Override
    public void configure() {
        poll(ROUTE_ID, "timer:marketplace-aliexpress?period={{hub.aliexpress.poll-interval}}&delay={{hub.aliexpress.initial-delay}}", feed);
    }
}
