package io.settlehub.core.ledger;

import io.settlehub.contract.Money;

/**
 * An immutable movement of a positive amount from one account (debited) to another (credited), in one
 * currency. {@code component} names the figure it adjusts; {@code cause} the event or instruction behind it.
 */
public record Transfer(AccountKey debit, AccountKey credit, Money amount, String clientId, String component, String cause) {

    public Transfer {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount_must_be_positive: " + amount);
        }
        if (!debit.currency().equals(amount.currency()) || !credit.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("accounts_must_have_the_transfer_currency: " + debit + " -> " + credit + " " + amount);
        }
        if (debit.equals(credit)) {
            throw new IllegalArgumentException("accounts_must_be_different: " + debit);
        }
    }
}
