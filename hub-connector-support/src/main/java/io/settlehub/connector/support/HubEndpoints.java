package io.settlehub.connector.support;

import io.settlehub.contract.Addresses;

/** Camel endpoint URIs of the contract's addresses, persistent delivery. */
public final class HubEndpoints {

    public static final String EVENTS = "jms:queue:" + Addresses.EVENTS + "?deliveryMode=2";
    public static final String UNMAPPED = "jms:queue:" + Addresses.UNMAPPED + "?deliveryMode=2";
    public static final String DISCREPANCIES = "jms:queue:" + Addresses.DISCREPANCIES + "?deliveryMode=2";
    public static final String PAYMENT_INSTRUCTIONS = "jms:queue:" + Addresses.PAYMENT_INSTRUCTIONS;

    private HubEndpoints() {
    }
}
