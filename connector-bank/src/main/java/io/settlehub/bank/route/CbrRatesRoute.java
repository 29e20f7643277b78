package io.settlehub.bank.route;

import io.settlehub.bank.inbound.CbrRatesFeed;
import io.settlehub.connector.support.PublishSteps;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** The central bank's daily rates on a schedule → FX_RATE on hub.events (on when {@code hub.cbr.url} is set). */
@Component
@ConditionalOnExpression("!'${hub.cbr.url:}'.isBlank()")
public class CbrRatesRoute extends RouteBuilder {

    public static final String ROUTE_ID = "bank-cbr-rates";

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .bean(CbrRatesFeed.class, "failed(${exception})");

        PublishSteps.eventsAndUnmapped(from("timer:bank-cbr-rates?period={{hub.cbr.poll-interval}}&delay={{hub.cbr.initial-delay}}")
                .routeId(ROUTE_ID)
                .bean(CbrRatesFeed.class, "fetch"))
                .bean(CbrRatesFeed.class, "commit");
    }
}
