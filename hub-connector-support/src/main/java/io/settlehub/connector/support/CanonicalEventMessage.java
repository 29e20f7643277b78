package io.settlehub.connector.support;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.MessageHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns a {@link CanonicalEvent} body into the message the contract asks for: JSON text with
 * {@code eventType}, {@code source}, {@code JMSXGroupID} = clientId and the broker's duplicate-detection id
 * = eventId, so a re-poll that publishes the same event again is dropped by the broker.
 */
public final class CanonicalEventMessage implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        CanonicalEvent event = message.getMandatoryBody(CanonicalEvent.class);
        message.setHeader(MessageHeaders.EVENT_TYPE, event.type().name());
        message.setHeader(MessageHeaders.SOURCE, event.source());
        message.setHeader(MessageHeaders.GROUP_ID, event.clientId() == null ? "reference-data" : event.clientId());
        message.setHeader(MessageHeaders.DUPLICATE_ID, event.eventId());
        message.setBody(EventCodec.encode(event));
    }
}
