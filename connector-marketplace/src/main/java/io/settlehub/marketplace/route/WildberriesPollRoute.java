package io.settlehub.marketplace.route;

import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.feed.PartnerFeedRouteBuilder;
import io.settlehub.connector.support.UnmappedRecordMessage;
import io.settlehub.connector.support.CanonicalEventMessage;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.marketplace.feed.WildberriesFeed;
import org.springframework.stereotype.Component;

/**
 * Polls every configured Wildberries seller account. The feed streams the report and hands each canonical event or
 * unmapped row to {@link #PUBLISH} as it maps it; the watermark is committed once the poll has published everything.
 */
@Component
public class WildberriesPollRoute extends PartnerFeedRouteBuilder {

    public static final String ROUTE_ID = "marketplace-wildberries-poll";
    public static final String PUBLISH = "direct:marketplace-wildberries-publish";

    private final WildberriesFeed feed;

    public WildberriesPollRoute(WildberriesFeed feed, FeedMetrics metrics) {
        super(metrics);
        this.feed = feed;
    }

    @Override
    public void configure() {
        // the report is published row by row as it is read (PUBLISH), then the watermark committed
        eachAccount(ROUTE_ID, "timer:marketplace-wildberries?period={{hub.wildberries.poll-interval}}"
                        + "&delay={{hub.wildberries.initial-delay}}", feed::accounts, feed::failed)
                .process(exchange -> exchange.getMessage().setBody(feed.poll(account(exchange))))
                .process(exchange -> feed.commit(exchange.getMessage().getBody(WildberriesFeed.PollResult.class)));

        from(PUBLISH)
                .routeId("marketplace-wildberries-publish")
                .choice()
                    .when(body().isInstanceOf(CanonicalEvent.class))
                        .process(new CanonicalEventMessage())
                        .to(HubEndpoints.EVENTS)
                    .otherwise()
                        .process(new UnmappedRecordMessage())
                        .to(HubEndpoints.UNMAPPED)
                .end();
    }
}
