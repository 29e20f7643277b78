package io.settlehub.core.messaging;

import io.settlehub.contract.MessageHeaders;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Who sent a message, as the broker vouches for it: the validated user the broker stamps on every message it accepts
 * ({@code populate-validated-user}, over whatever the sender wrote). On a message settlement-core itself sent again (a
 * dead letter, a replay) the original sender it recorded is believed, since only it could have written it there.
 */
public final class MessageSenders {

    private final String coreIdentity;

    public MessageSenders(String coreIdentity) {
        this.coreIdentity = coreIdentity;
    }

    /** The broker user the message comes from; null when the broker stamped none (security off). */
    public String of(Message message) throws JMSException {
        String user = message.getStringProperty(MessageHeaders.VALIDATED_USER);
        if (coreIdentity.equals(user)) {
            String original = message.getStringProperty(MessageHeaders.ORIGINAL_SENDER);
            return original == null || original.isBlank() ? user : original;
        }
        return user;
    }

    /** Whether settlement-core itself sent the message (notifications, before they reach a webhook or a browser). */
    public boolean fromCore(Message message) throws JMSException {
        return coreIdentity.equals(message.getStringProperty(MessageHeaders.VALIDATED_USER));
    }

    public String coreIdentity() {
        return coreIdentity;
    }
}
