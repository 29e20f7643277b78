package io.settlehub.connector.support.feed;

import io.settlehub.connector.support.CanonicalEventMessage;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.connector.support.UnmappedRecordMessage;
import io.settlehub.contract.CanonicalEvent;
import java.time.Instant;
import io.settlehub.connector.support.PublishSteps;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one route every polling feed runs: a timer asks the feed for its accounts; each account goes through its own
 * route — fetch, publish every event to hub.events and every unmapped record to hub.connectors.unmapped, then commit the
 * watermark — so that a failing account (counted, logged, its watermark kept) never stops the others. Calls into the
 * feed are typed; nothing here knows a partner.
 */
public abstract class PartnerFeedRouteBuilder extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(PartnerFeedRouteBuilder.class);
    static final String ACCOUNT = "hubFeedAccount";

    private final FeedMetrics metrics;

    protected PartnerFeedRouteBuilder(FeedMetrics metrics) {
        this.metrics = metrics;
    }

    /** Declares the feed's routes: {@code routeId} on {@code timerUri}, and {@code routeId-account} per account. */
    protected <A, W> void poll(String routeId, String timerUri, PartnerFeed<A, W> feed) {
        PublishSteps.eventsAndUnmapped(eachAccount(routeId, timerUri, feed::accounts, (account, cause) -> failed(feed, account, cause))
                        .process(exchange -> exchange.getMessage().setBody(feed.fetch(account(exchange)))))
                .process(exchange -> {
                    Fetched<W> fetched = exchange.getMessage().getBody(Fetched.class);
                    feed.commit(account(exchange), fetched.next());
                    committed(feed, account(exchange), fetched.next(), fetched.events().size(), fetched.unmapped().size(), fetched.readUpTo());
                });
    }

    /**
     * Declares a streaming feed's routes: as {@link #poll}, and {@code routeId-publish}, which publishes each event or
     * unmapped record the moment the feed hands it on; the watermark is committed once the whole read was published.
     */
    protected <A, W> void stream(String routeId, String timerUri, StreamingPartnerFeed<A, W> feed) {
        String publish = "direct:" + routeId + "-publish";
        eachAccount(routeId, timerUri, feed::accounts, (account, cause) -> failed(feed, account, cause))
                .process(exchange -> {
                    ProducerTemplate producer = exchange.getContext().createProducerTemplate();
                    try {
                        exchange.getMessage().setBody(feed.stream(account(exchange), item -> producer.sendBody(publish, item)));
                    } finally {
                        producer.stop();
                    }
                })
                .process(exchange -> {
                    Streamed<W> read = exchange.getMessage().getBody(Streamed.class);
                    feed.commit(account(exchange), read.next());
                    committed(feed, account(exchange), read.next(), read.events(), read.unmapped(), read.readUpTo());
                });

        from(publish)
                .routeId(routeId + "-publish")
                .errorHandler(noErrorHandler())
                .choice()
                    .when(body().isInstanceOf(CanonicalEvent.class))
                        .process(new CanonicalEventMessage())
                        .to(HubEndpoints.EVENTS)
                    .otherwise()
                        .process(new UnmappedRecordMessage())
                        .to(HubEndpoints.UNMAPPED)
                .end();
    }

    /**
     * The timer route, which splits {@code accounts} into the per-account route, and answers that route's start with the
     * account in the exchange ({@link #account}); a failure of one account anywhere in its route — the partner, the
     * mapping, a publish the broker refused — goes to {@code failed} before anything after it (the commit) runs, and the
     * other accounts go on.
     * For feeds whose flow is their own (a report streamed while it is read, a check that publishes discrepancies).
     */
    protected <A> RouteDefinition eachAccount(String routeId, String timerUri, Supplier<List<A>> accounts, BiConsumer<A, Exception> failed) {
        String accountRoute = "direct:" + routeId + "-account";
        // A route-wide onException would handle a refused publish inside the split, which then carries on to the commit:
        // the per-account route has no error handler, so any failure reaches the timer route's catch before a commit.
        from(timerUri)
                .routeId(routeId)
                .doTry()
                    .process(exchange -> exchange.getMessage().setBody(accounts.get()))
                .doCatch(Exception.class)
                    .process(exchange -> failed.accept(null, caught(exchange)))
                    .setBody(constant(List.of()))
                .end()
                .split(body())
                    .doTry()
                        .to(accountRoute)
                    .doCatch(Exception.class)
                        .process(exchange -> failed.accept(account(exchange), caught(exchange)))
                    .end()
                .end();

        return from(accountRoute)
                .routeId(routeId + "-account")
                .errorHandler(noErrorHandler())
                .setProperty(ACCOUNT, body());
    }

    private static Exception caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** The account the per-account route is working on. */
    @SuppressWarnings("unchecked")
    protected static <A> A account(Exchange exchange) {
        return (A) exchange.getProperty(ACCOUNT);
    }

    private <A> void committed(FeedAccounts<A> feed, A account, Object next, long events, long unmapped, Instant readUpTo) {
        String client = feed.clientOf(account);
        metrics.polled(feed.name(), client, events, unmapped, readUpTo);
        log.info("{} {}: published {} event(s), {} unmapped; resumes at {}", feed.name(), client, events, unmapped, next);
    }

    private <A> void failed(FeedAccounts<A> feed, A account, Exception cause) {
        String client = account == null ? "-" : feed.clientOf(account);
        String kind = metrics.failed(feed.name(), client, cause);
        log.warn("{} {}: poll failed ({}), watermark kept: {}", feed.name(), client, kind, cause == null ? "" : cause.getMessage());
    }
}
