package io.settlehub.connector.support;

/** A partner that refused the request (wrong credentials, bad parameters): retrying will not help. */
public class PartnerRejectedException extends RuntimeException {
    public PartnerRejectedException(String message) {
        super(message);
    }
}
