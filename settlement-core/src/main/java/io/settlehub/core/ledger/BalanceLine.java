package io.settlehub.core.ledger;

/**
 * Why a client's buckets moved, one line of the balance waterfall: the orders' client net (sales less fees,
 * commission and landed cost, spread over pending, held and available), charges without an order (storage,
 * logistics, penalties), the client's share of supplier payments' FX differences, and payouts (available to in flight
 * to paid, or back when the bank rejects). Read from the component each transfer is posted for.
 */
public enum BalanceLine {
    ORDERS("orders"),
    CHARGES("charges"),
    FX_DIFFERENCES("fx-differences"),
    PAYOUTS("payouts"),
    OTHER("other");

    private final String key;

    BalanceLine(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The line a transfer posted for {@code component} belongs to. */
    public static BalanceLine of(String component) {
        if (component.startsWith("order/")) {
            return ORDERS;
        }
        if (component.startsWith("charge/")) {
            return CHARGES;
        }
        if (component.startsWith("payment/")) {
            return component.endsWith("/fx-difference") ? FX_DIFFERENCES : PAYOUTS;
        }
        return OTHER;
    }

    public static BalanceLine ofKey(String key) {
        for (BalanceLine line : values()) {
            if (line.key.equals(key)) {
                return line;
            }
        }
        throw new IllegalArgumentException("no balance line " + key);
    }
}
