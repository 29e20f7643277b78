package io.settlehub.connector.support;

/** A partner that is down, overloaded (429) or slow: worth retrying later. */
public class PartnerUnavailableException extends RuntimeException {
    public PartnerUnavailableException(String message) {
        super(message);
    }
}
