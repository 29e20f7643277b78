package io.settlehub.testsupport;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageHeaders;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** Events as the hub's connectors publish them: each type by the service whose broker user may publish it. */
public final class EventPublishing {

    private EventPublishing() {
    }

    /** The broker user that publishes events of this type: the bank's facts come from connector-bank, and so on. */
    public static String publisherOf(EventType type) {
        return switch (type) {
            case PAYMENT_STATUS, BANK_CREDIT, FX_RATE -> "connector-bank";
            case GOODS_RECEIVED -> "connector-accounting";
            case SHIPMENT_COST, CUSTOMS_ASSESSED -> "connector-carrier";
            default -> "connector-marketplace";
        };
    }

    /** The event as a message with the contract's properties (type, source, group, duplicate id). */
    public static TextMessage message(Session session, CanonicalEvent event) throws JMSException {
        TextMessage message = withoutDuplicateId(session, event);
        message.setStringProperty(MessageHeaders.DUPLICATE_ID, event.eventId());
        return message;
    }

    /**
     * The same without the duplicate-detection id: for tests that share one broker between services that each start
     * empty, where the broker would drop a second delivery of the same reference data as a repeat.
     */
    public static TextMessage withoutDuplicateId(Session session, CanonicalEvent event) throws JMSException {
        TextMessage message = session.createTextMessage(EventCodec.encode(event));
        message.setStringProperty(MessageHeaders.EVENT_TYPE, event.type().name());
        message.setStringProperty(MessageHeaders.SOURCE, event.source());
        message.setStringProperty(MessageHeaders.GROUP_ID, event.clientId() == null ? "reference-data" : event.clientId());
        return message;
    }
}
