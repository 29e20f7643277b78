package io.settlehub.core.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * A ledger account: owner (client, marketplace, supplier, hub), kind (pending, held, ...) and currency.
 * Spelled {@code owner:kind:currency}, e.g. {@code client/acme:available:RUB}; the spelling is computed once, as
 * accounts are compared and hashed on every posting. The factories are the hub's chart of accounts: every account a
 * transfer names is made by one of them (only the journal's reader parses spelled keys back).
 */
public final class AccountKey implements Comparable<AccountKey> {

    private final String owner;
    private final String kind;
    private final String currency;
    private final String key;

    private AccountKey(String owner, String kind, String currency) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.key = owner + ":" + kind + ":" + currency;
    }

    /** One of the client's buckets. */
    public static AccountKey client(String clientId, Bucket bucket, String currency) {
        return new AccountKey(clientOwner(clientId), bucket.kind(), currency);
    }

    /** Where each of the client's orders is booked through: it nets to zero per order. */
    public static AccountKey clearing(String clientId, String currency) {
        return new AccountKey(clientOwner(clientId), "clearing", currency);
    }

    public static AccountKey marketplace(String source, String clientId, String currency) {
        return new AccountKey("marketplace/" + source + "/" + clientId, "receivable", currency);
    }

    /** What the hub owes a supplier for goods of orders the marketplace paid. */
    public static AccountKey supplier(String supplierId, String currency) {
        return new AccountKey("supplier/" + supplierId, "payable", currency);
    }

    /** A payment to a supplier the bank has not booked yet. */
    public static AccountKey supplierInFlight(String supplierId, String currency) {
        return new AccountKey("supplier/" + supplierId, Bucket.IN_FLIGHT.kind(), currency);
    }

    public static AccountKey hub(HubAccount account, String currency) {
        return new AccountKey("hub", account.kind(), currency);
    }

    public static AccountKey parse(String key) {
        String[] parts = key.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an account key: " + key);
        }
        return new AccountKey(parts[0], parts[1], parts[2]);
    }

    /** Whether transfers of several clients move this account (the hub's, a supplier's), not those of one client alone. */
    public boolean shared() {
        return !owner.startsWith("client/") && !owner.startsWith("marketplace/");
    }

    /** The client bucket this account is, when it is one of {@code clientId}'s buckets. */
    public Optional<Bucket> bucketOf(String clientId) {
        return owner.equals(clientOwner(clientId)) ? Bucket.ofKind(kind) : Optional.empty();
    }

    /** The client bucket this account is, when it is one of a client's buckets. */
    public Optional<Bucket> bucket() {
        return owner.startsWith("client/") ? Bucket.ofKind(kind) : Optional.empty();
    }

    private static String clientOwner(String clientId) {
        return "client/" + clientId;
    }

    public String owner() {
        return owner;
    }

    public String kind() {
        return kind;
    }

    public String currency() {
        return currency;
    }

    @Override
    public int compareTo(AccountKey other) {
        return key.compareTo(other.key);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AccountKey account && key.equals(account.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
