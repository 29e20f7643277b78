package io.settlehub.core.outbox;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Runs the outbox relay every {@code hub.outbox.poll-interval} ms. */
@Component
public class OutboxRelayRoute extends RouteBuilder {

    private final OutboxRelay relay;

    public OutboxRelayRoute(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void configure() {
        from("timer:outbox-relay?period={{hub.outbox.poll-interval}}&delay={{hub.outbox.poll-interval}}")
                .routeId("core-outbox-relay")
                .process(exchange -> relay.publishPending());
    }
}
