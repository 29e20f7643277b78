package io.settlehub.core.notify;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.MessageHeaders;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * hub.notifications → the browsers watching on this instance (a non-durable subscription: only what happens while they look).
 * A message nobody here can want is dropped on its group header before its body is read (docs/contract.md): a client's
 * notification when nobody watches that client, the balance changes of many clients (decision 0019) when nobody watches
 * anything.
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
                .filter(exchange -> live.mayConcern(exchange.getMessage().getHeader(MessageHeaders.GROUP_ID, String.class)))
                .filter(origin)
                .convertBodyTo(String.class)
                .process(exchange -> live.publish(exchange.getMessage().getBody(String.class)));
    }
}
