package io.settlehub.marketplace.route;

import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.feed.PartnerFeedRouteBuilder;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.marketplace.feed.OzonRealizationFeed;
import org.springframework.stereotype.Component;

/**
 * Checks each seller account's monthly realization report against the month's accruals once Ozon publishes it,
 * and reports every article whose units differ on hub.reconciliation.discrepancies.
 */
@Component
public class OzonRealizationRoute extends PartnerFeedRouteBuilder {

    public static final String ROUTE_ID = "marketplace-ozon-realization-poll";

    private final OzonRealizationFeed feed;

    public OzonRealizationRoute(OzonRealizationFeed feed, FeedMetrics metrics) {
        super(metrics);
        this.feed = feed;
    }

    @Override
    public void configure() {
        eachAccount(ROUTE_ID, "timer:marketplace-ozon-realization?period={{hub.ozon.realization-poll-interval}}"
                + "&delay={{hub.ozon.initial-delay}}", feed::accountsDue, feed::failed)
                .process(exchange -> exchange.getMessage().setBody(feed.check(account(exchange))))
                .setProperty("checked", body())
                .split(simple("${body.messages}"))
                    .setHeader(MessageHeaders.SOURCE, constant("ozon"))
                    .setHeader(MessageHeaders.DUPLICATE_ID, simple("${body.id}"))
                    .setBody(simple("${body.json}"))
                    .to(HubEndpoints.DISCREPANCIES)
                .end()
                .setBody(exchangeProperty("checked"))
                .process(exchange -> feed.commit(exchange.getMessage().getBody(OzonRealizationFeed.MonthChecked.class)));
    }
}
