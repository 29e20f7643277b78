package io.settlehub.accounting.route;

import io.settlehub.accounting.feed.GoodsReceiptsFeed;
import io.settlehub.connector.support.PerAccountRouteBuilder;
import org.springframework.stereotype.Component;

/** Goods receipts posted in each client's 1C → GOODS_RECEIVED on hub.events, on a schedule, from a watermark per infobase. */
@Component
public class GoodsReceiptsRoute extends PerAccountRouteBuilder {

    public static final String ROUTE_ID = "accounting-1c-receipts";

    @Override
    public void configure() {
        fetchPublishCommit(ROUTE_ID, "timer:accounting-1c-receipts?period={{hub.onec.receipts-poll-interval}}&delay={{hub.onec.receipts-initial-delay}}",
                GoodsReceiptsFeed.class);
    }
}
