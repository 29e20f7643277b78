package io.settlehub.core.ledger;

import java.util.Objects;

/**
 * A ledger account: owner (client, marketplace, supplier, hub), kind (pending, held, ...) and currency.
 * Spelled {@code owner:kind:currency}, e.g. {@code client/acme:available:RUB}; the spelling is computed once, as
 * accounts are compared and hashed on every posting.
 */
public final class AccountKey implements Comparable<AccountKey> {

    private final String owner;
    private final String kind;
    private final String currency;
    private final String key;

    public AccountKey(String owner, String kind, String currency) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.key = owner + ":" + kind + ":" + currency;
    }

    public static AccountKey client(String clientId, String bucket, String currency) {
        return new AccountKey("client/" + clientId, bucket, currency);
    }

    public static AccountKey clearing(String clientId, String currency) {
        return new AccountKey("client/" + clientId, "clearing", currency);
    }

    public static AccountKey marketplace(String source, String clientId, String currency) {
        return new AccountKey("marketplace/" + source + "/" + clientId, "receivable", currency);
    }

    public static AccountKey supplier(String supplierId, String currency) {
        return new AccountKey("supplier/" + supplierId, "payable", currency);
    }

    public static AccountKey hub(String kind, String currency) {
        return new AccountKey("hub", kind, currency);
    }

    public static AccountKey parse(String key) {
        String[] parts = key.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an account key: " + key);
        }
        return new AccountKey(parts[0], parts[1], parts[2]);
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
