package io.settlehub.core.messaging;

import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.MessageHeaders;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Copies of messages settlement-core sends on (to a dead-letter queue, back from one), built so that nothing the original
 * carries can make the copy fail: properties whose names JMS does not allow (STOMP's {@code content-length}, AMQP's
 * {@code x-opt-…}) travel together as text in {@link #OTHER_PROPERTIES}, and the broker's own ones are left to it.
 */
public final class MessageCopies {

    /** The original's properties that JMS cannot carry by their own names: "name=value; …". */
    public static final String OTHER_PROPERTIES = "hubOtherProperties";
    /** The message id of the original. */
    public static final String ORIGINAL_MESSAGE_ID = "originalMessageId";

    /** On a copy whose original body was too large to copy: its size. */
    public static final String BODY_NOT_COPIED = "hubBodyNotCopied";

    private static final int MAX_OTHER_PROPERTIES = 2000;
    /** The largest bytes body read as text: 4 bytes per character of the largest event (EventCodec.MAX_EVENT_CHARS). */
    private static final int MAX_BODY = 4 * 1024 * 1024;
    /** The largest bytes body copied on (to a dead-letter queue) as it is. */
    private static final int MAX_COPIED_BODY = 64 * 1024 * 1024;
    private static final Set<String> RESERVED = Set.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS",
            "ESCAPE");

    private MessageCopies() {
    }

    /**
     * A text copy of {@code original} with its application properties (except {@code dropped}), for sending on. Never fails
     * for anything the original carries; a JMSException means the session itself is gone.
     */
    public static Message copy(Session session, Message original, Set<String> dropped) throws JMSException {
        Message copy = copyOfBody(session, original);
        List<String> others = new ArrayList<>();
        for (Object name : Collections.list(original.getPropertyNames())) {
            String key = (String) name;
            if (key.startsWith("JMS") || key.startsWith("_AMQ") || dropped.contains(key)) {
                continue;
            }
            Object value = original.getObjectProperty(key);
            if (isIdentifier(key)) {
                try {
                    copy.setObjectProperty(key, value);
                    continue;
                } catch (RuntimeException | JMSException unusable) {
                    // kept below, as text
                }
            }
            others.add(key + "=" + value);
        }
        if (!others.isEmpty()) {
            String text = String.join("; ", others);
            copy.setStringProperty(OTHER_PROPERTIES, text.length() > MAX_OTHER_PROPERTIES ? text.substring(0, MAX_OTHER_PROPERTIES) + "…" : text);
        }
        String group = original.getStringProperty(MessageHeaders.GROUP_ID);
        if (group != null) {
            copy.setStringProperty(MessageHeaders.GROUP_ID, group);
        }
        copy.setStringProperty(ORIGINAL_MESSAGE_ID, original.getJMSMessageID());
        return copy;
    }

    private static Message copyOfBody(Session session, Message original) throws JMSException {
        if (original instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            BytesMessage copy = session.createBytesMessage();
            if (length > MAX_COPIED_BODY) {
                copy.setLongProperty(BODY_NOT_COPIED, length);
                return copy;
            }
            byte[] data = new byte[(int) length];
            bytes.readBytes(data);
            bytes.reset();
            copy.writeBytes(data);
            return copy;
        }
        return session.createTextMessage(bodyOrEmpty(original));
    }

    /** The body as text (UTF-8 for bytes); empty for a kind of message that has none the hub reads. */
    public static String bodyOrEmpty(Message message) throws JMSException {
        try {
            return body(message);
        } catch (InvalidMessageException | JMSException e) {
            return "";
        }
    }

    /** The body as text: a text message's text, a bytes message's bytes as UTF-8 (the reader left at the start). */
    public static String body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText() == null ? "" : text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > MAX_BODY) {
                throw new InvalidMessageException("body", "a message of " + length + " bytes is larger than the " + MAX_BODY + " read");
            }
            byte[] data = new byte[(int) length];
            bytes.readBytes(data);
            bytes.reset();
            return new String(data, StandardCharsets.UTF_8);
        }
        throw new InvalidMessageException("", "unsupported message kind " + message.getClass().getSimpleName() + " (send text or bytes)");
    }

    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || RESERVED.contains(name.toUpperCase())) {
            return false;
        }
        return name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }
}
