package io.settlehub.core.ledger;

import io.settlehub.contract.Money;

/**
 * One derived figure of a client's settlement, held in the ledger as the net of all transfers posted for it
 * between its two accounts (e.g. an order's commission: clearing → hub commission). The key is unique per
 * client and currency.
 */
public record Component(String key, AccountKey debit, AccountKey credit, Money amount) {

    /**
     * The same figure with its accounts in a fixed order (the smaller account key debited) and the amount signed
     * accordingly, so that a component rebuilt from the journal compares equal to one freshly derived.
     */
    public Component normalized() {
        if (debit.compareTo(credit) <= 0) {
            return this;
        }
        return new Component(key, credit, debit, amount.negate());
    }
}
