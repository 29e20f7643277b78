package io.settlehub.core.notify;

import io.settlehub.contract.Addresses;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** hub.notifications → the browsers watching on this instance (a non-durable subscription: only what happens while they look). */
@Component
public class LiveBalancesRoute extends RouteBuilder {

    private final NotificationOrigin origin;

    public LiveBalancesRoute(NotificationOrigin origin) {
        this.origin = origin;
    }

    @Override
    public void configure() {
        from("{{hub.broker.endpoint}}:topic:" + Addresses.NOTIFICATIONS)
                .routeId("core-live-balances")
                .filter(origin)
                .convertBodyTo(String.class)
                .bean(LiveBalances.class, "publish");
    }
}
