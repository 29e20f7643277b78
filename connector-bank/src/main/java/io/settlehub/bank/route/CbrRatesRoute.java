package io.settlehub.bank.route;

import io.settlehub.bank.inbound.CbrRatesFeed;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.feed.PartnerFeedRouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** The central bank's daily rates on a schedule → FX_RATE on hub.events (on when {@code hub.cbr.url} is set). */
@Component
@ConditionalOnExpression("!'${hub.cbr.url:}'.isBlank()")
public class CbrRatesRoute extends PartnerFeedRouteBuilder {

    public static final String ROUTE_ID = "bank-cbr-rates";

    private final CbrRatesFeed feed;

    public CbrRatesRoute(CbrRatesFeed feed, FeedMetrics metrics) {
        super(metrics);
        this.feed = feed;
    }

    @Override
    public void configure() {
        poll(ROUTE_ID, "timer:bank-cbr-rates?period={{hub.cbr.poll-interval}}&delay={{hub.cbr.initial-delay}}", feed);
    }
}
