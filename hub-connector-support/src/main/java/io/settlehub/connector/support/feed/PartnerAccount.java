package io.settlehub.connector.support.feed;

/** An account at a partner that belongs to one hub client (a seller account, a 1C infobase). */
public interface PartnerAccount {

    /** The hub client whose account it is. */
    String clientId();
}
