package io.settlehub.core.ledger;

/**
 * The hub's own accounts: its bank account at the hub's bank, what it earns (its commission), what it owes the state
 * (the VAT on it), what it recovers from clients for customs and logistics it paid, and FX differences it bears.
 */
public enum HubAccount {
    BANK("bank"),
    COMMISSION("commission"),
    VAT_PAYABLE("vat-payable"),
    CUSTOMS_RECOVERY("customs-recovery"),
    LOGISTICS_RECOVERY("logistics-recovery"),
    FX_DIFFERENCES("fx-differences");

    private final String kind;

    HubAccount(String kind) {
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
