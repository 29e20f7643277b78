package io.settlehub.marketplace.route;

import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.marketplace.feed.OzonRealizationFeed;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Checks each seller account's monthly realization report against the month's accruals once Ozon publishes it,
 * and reports every article whose units differ on hub.reconciliation.discrepancies.
 */
@Component
public class OzonRealizationRoute extends RouteBuilder {

    public static final String ROUTE_ID = "marketplace-ozon-realization-poll";
    public static final String ACCOUNT_ROUTE_ID = "marketplace-ozon-realization-account";
    private static final String ACCOUNT = "direct:" + ACCOUNT_ROUTE_ID;

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .bean(OzonRealizationFeed.class, "failed(${exchangeProperty.account}, ${exception})");

        from("timer:marketplace-ozon-realization?period={{hub.ozon.realization-poll-interval}}&delay={{hub.ozon.initial-delay}}")
                .routeId(ROUTE_ID)
                .bean(OzonRealizationFeed.class, "accountsDue")
                .split(body())
                    .to(ACCOUNT)
                .end();

        from(ACCOUNT)
                .routeId(ACCOUNT_ROUTE_ID)
                .setProperty("account", body())
                .bean(OzonRealizationFeed.class, "check")
                .setProperty("checked", body())
                .split(simple("${body.messages}"))
                    .setHeader(MessageHeaders.SOURCE, constant("ozon"))
                    .setHeader(MessageHeaders.DUPLICATE_ID, simple("${body.id}"))
                    .setBody(simple("${body.json}"))
                    .to(HubEndpoints.DISCREPANCIES)
                .end()
                .setBody(exchangeProperty("checked"))
                .bean(OzonRealizationFeed.class, "commit");
    }
}
