package io.settlehub.marketplace.route;

import io.settlehub.connector.support.PerAccountRouteBuilder;
import io.settlehub.marketplace.feed.AliExpressFeed;
import org.springframework.stereotype.Component;

/** Polls every configured AliExpress seller account: orders modified since the watermark → canonical events. */
@Component
public class AliExpressPollRoute extends PerAccountRouteBuilder {

    public static final String ROUTE_ID = "marketplace-aliexpress-poll";

    @Override
    public void configure() {
        fetchPublishCommit(ROUTE_ID, "timer:marketplace-aliexpress?period={{hub.aliexpress.poll-interval}}"
                        + "&delay={{hub.aliexpress.initial-delay}}", AliExpressFeed.class);
    }
}
