package io.settlehub.connector.support;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * The shape every per-seller-account feed shares: a timer asks the feed for its accounts, and each account goes
 * through its own route, so a failing account (handled by the feed's {@code failed} method, which keeps its
 * watermark) never stops the others.
 */
public abstract class PerAccountRouteBuilder extends RouteBuilder {

    /** Declares the timer route and answers the start of the per-account route, with the account in a property. */
    protected RouteDefinition eachAccount(String routeId, String timerUri, Class<?> feed, String accountsMethod) {
        String accountRoute = "direct:" + routeId + "-account";
        onException(Exception.class)
                .handled(true)
                .bean(feed, "failed(${exchangeProperty.account}, ${exception})");

        from(timerUri)
                .routeId(routeId)
                .bean(feed, accountsMethod)
                .split(body())
                    .to(accountRoute)
                .end();

        return from(accountRoute)
                .routeId(routeId + "-account")
                .setProperty("account", body());
    }

    /**
     * The usual per-account flow: the feed's {@code fetch(account)}, its events and unmapped records published, then
     * its {@code commit(result)} — the watermark moves only after everything fetched was published.
     */
    protected void fetchPublishCommit(String routeId, String timerUri, Class<?> feed) {
        PublishSteps.eventsAndUnmapped(eachAccount(routeId, timerUri, feed, "accounts").bean(feed, "fetch"))
                .bean(feed, "commit");
    }
}
