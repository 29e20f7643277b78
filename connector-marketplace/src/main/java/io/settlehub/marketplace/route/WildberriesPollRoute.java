package io.settlehub.marketplace.route;

import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.feed.PartnerFeedRouteBuilder;
import io.settlehub.marketplace.feed.WildberriesFeed;
import org.springframework.stereotype.Component;

/**
 * Polls every configured Wildberries seller account. The feed streams the report and hands each canonical event or
 * unmapped row on as it maps it, published there and then; the watermark is committed once the poll has published
 * everything (the kit's {@code stream}).
 */
@Component
public class WildberriesPollRoute extends PartnerFeedRouteBuilder {

    public static final String ROUTE_ID = "marketplace-wildberries-poll";

    private final WildberriesFeed feed;

    public WildberriesPollRoute(WildberriesFeed feed, FeedMetrics metrics) {
        super(metrics);
        this.feed = feed;
    }

    @Override
    public void configure() {
        stream(ROUTE_ID, "timer:marketplace-wildberries?period={{hub.wildberries.poll-interval}}&delay={{hub.wildberries.initial-delay}}", feed);
    }
}
