package io.settlehub.core.outbox;

import io.settlehub.contract.MessageHeaders;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes the transactional outbox. A crash after the send and before the mark resends the message with
 * the same duplicate-detection id, which the broker drops: each message reaches its address once.
 */
@Component
public class OutboxRelayRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:outbox-relay?period={{hub.outbox.poll-interval}}&delay={{hub.outbox.poll-interval}}")
                .routeId("core-outbox-relay")
                .bean(OutboxRelay.class, "pending")
                .split(body())
                    .process(exchange -> exchange.setProperty("destination", endpointPath(
                            exchange.getMessage().getBody(io.settlehub.core.store.OutboxRepository.OutboxMessage.class).destination())))
                    .setHeader(MessageHeaders.DUPLICATE_ID, simple("${body.messageId}"))
                    .setHeader(MessageHeaders.GROUP_ID, simple("${body.groupId}"))
                    .setHeader("messageType", simple("${body.messageType}"))
                    .setProperty("outboxMessage", body())
                    .setBody(simple("${body.body}"))
                    .toD("{{hub.broker.endpoint}}:${exchangeProperty.destination}?deliveryMode=2")
                    .setBody(exchangeProperty("outboxMessage"))
                    .bean(OutboxRelay.class, "published")
                .end();
    }

    /** "topic:&lt;address&gt;" is multicast (notifications); any other destination is a queue. */
    static String endpointPath(String destination) {
        return destination.startsWith("topic:") ? destination : "queue:" + destination;
    }
}
