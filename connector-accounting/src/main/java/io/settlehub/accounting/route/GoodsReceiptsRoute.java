package io.settlehub.accounting.route;

import io.settlehub.accounting.feed.GoodsReceiptsFeed;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.feed.PartnerFeedRouteBuilder;
import org.springframework.stereotype.Component;

/** Goods receipts posted in each client's 1C → GOODS_RECEIVED on hub.events, on a schedule, from a watermark per infobase. */
@Component
public class GoodsReceiptsRoute extends PartnerFeedRouteBuilder {

    public static final String ROUTE_ID = "accounting-1c-receipts";

    private final GoodsReceiptsFeed feed;

    public GoodsReceiptsRoute(GoodsReceiptsFeed feed, FeedMetrics metrics) {
        super(metrics);
        this.feed = feed;
    }

    @Override
    public void configure() {
        poll(ROUTE_ID, "timer:accounting-1c-receipts?period={{hub.onec.receipts-poll-interval}}&delay={{hub.onec.receipts-initial-delay}}",
                feed);
    }
}
