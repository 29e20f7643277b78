package io.settlehub.connector.support;

/** A partner answer that does not follow the partner's published format. */
public class PartnerFormatException extends RuntimeException {
    public PartnerFormatException(String message) {
        super(message);
    }
}
