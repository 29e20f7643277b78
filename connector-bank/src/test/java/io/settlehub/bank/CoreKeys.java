package io.settlehub.bank;

import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/** settlement-core's key pair for a test run: instructions signed as the core signs them, its public key for the connector. */
final class CoreKeys {

    static final String[] PAIR = MessageSignatures.newKeyPair();
    private static final MessageSignatures.Signer SIGNER = MessageSignatures.signer(PAIR[0], "test signing key");

    private CoreKeys() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("hub.bank.core-verify-key", () -> PAIR[1]);
    }

    /** The instruction as settlement-core publishes it: the body and its signature. */
    static TextMessage signed(Session session, String json) throws JMSException {
        TextMessage message = session.createTextMessage(json);
        message.setStringProperty(MessageHeaders.SIGNATURE, SIGNER.sign(json));
        return message;
    }
}
