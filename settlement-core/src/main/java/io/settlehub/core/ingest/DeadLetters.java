package io.settlehub.core.ingest;

import io.settlehub.contract.MessageHeaders;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Collections;

/** Builds the dead-letter copy of a message: same body and properties, plus the reason it failed. */
final class DeadLetters {

    private DeadLetters() {
    }

    static TextMessage copyWithReason(Session session, Message original, String body, String reason) throws JMSException {
        TextMessage copy = session.createTextMessage(body);
        for (Object name : Collections.list(original.getPropertyNames())) {
            String key = (String) name;
            if (!key.startsWith("JMS") && !key.startsWith("_AMQ")) {
                copy.setObjectProperty(key, original.getObjectProperty(key));
            }
        }
        copy.setStringProperty(MessageHeaders.FAILURE_REASON, reason);
        copy.setStringProperty("originalMessageId", original.getJMSMessageID());
        return copy;
    }
}
