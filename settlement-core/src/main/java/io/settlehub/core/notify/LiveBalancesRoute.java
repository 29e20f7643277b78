package io.settlehub.core.notify;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.MessageHeaders;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * hub.notifications → the browsers watching on this instance (a non-durable subscription: only what happens while they look).
 * A notification of a client nobody watches here is dropped on its group header (the client, docs/contract.md) before its
 * body is read: a batch over thousands of clients sends one per client, nearly all of them to nobody.
 */
@Component
public class LiveBalancesRoute extends RouteBuilder {

    private final NotificationOrigin origin;
    private final LiveBalances live;

    public LiveBalancesRoute(NotificationOrigin origin, LiveBalances live) {
        this.origin = origin;
        this.live = live;
    }

    @Override
    public void configure() {
        from("{{hub.broker.endpoint}}:topic:" + Addresses.NOTIFICATIONS)
                .routeId("core-live-balances")
                .filter(exchange -> live.watching(exchange.getMessage().getHeader(MessageHeaders.GROUP_ID, String.class)))
                .filter(origin)
                .convertBodyTo(String.class)
                .process(exchange -> live.publish(exchange.getMessage().getBody(String.class)));
    }
}
