package io.settlehub.core.ledger;

import java.math.BigDecimal;

/** Running totals of one account, as TigerBeetle keeps them: the balance is never stored separately. */
public record Balances(AccountKey account, BigDecimal debitsPosted, BigDecimal creditsPosted) {

    /** The balance of an account that holds what is owed to its owner (liability side): credits − debits. */
    public BigDecimal creditBalance() {
        return creditsPosted.subtract(debitsPosted);
    }
}
