package io.settlehub.core.ledger;

/**
 * A ledger account: owner (client, marketplace, supplier, hub), kind (pending, held, ...) and currency.
 * Spelled {@code owner:kind:currency}, e.g. {@code client/acme:available:RUB}.
 */
public record AccountKey(String owner, String kind, String currency) {

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

    @Override
    public String toString() {
        return owner + ":" + kind + ":" + currency;
    }
}
