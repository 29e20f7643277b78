package io.settlehub.core.outbox;

import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes the transactional outbox. A crash after the send and before the mark resends the message with
 * the same duplicate-detection id, which the broker drops: each message reaches its address once. Every message carries
 * settlement-core's signature of its body ({@link MessageHeaders#SIGNATURE}): connector-bank pays only what it signed.
 */
@Component
public class OutboxRelayRoute extends RouteBuilder {

    private final MessageSignatures.Signer signer;

    public OutboxRelayRoute(MessageSignatures.Signer signer) {
        this.signer = signer;
    }

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
                    .process(exchange -> exchange.getMessage().setHeader(MessageHeaders.SIGNATURE, signer.sign(exchange.getMessage().getBody(String.class))))
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
