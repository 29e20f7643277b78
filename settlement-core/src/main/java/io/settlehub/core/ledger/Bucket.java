package io.settlehub.core.ledger;

import java.util.Optional;

/**
 * A client's buckets, where what the hub owes a client lives: sold but not yet final ({@code pending}), kept back
 * against the marketplace's hold ({@code held}), payable ({@code available}), in a payment the bank has not booked yet
 * ({@code inFlight}) and {@code paid}. Spelled as the account kind and as the balances API names them.
 */
public enum Bucket {
    PENDING("pending"),
    HELD("held"),
    AVAILABLE("available"),
    IN_FLIGHT("inFlight"),
    PAID("paid");

    private final String kind;

    Bucket(String kind) {
        this.kind = kind;
    }

    /** The account kind, as the ledger and the APIs spell it. */
    public String kind() {
        return kind;
    }

    /** Whether this bucket counts as owed to the client (everything not paid yet). */
    public boolean owed() {
        return this != PAID;
    }

    /** The bucket spelled {@code kind}, if it is one. */
    public static Optional<Bucket> ofKind(String kind) {
        for (Bucket bucket : values()) {
            if (bucket.kind.equals(kind)) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }
}
