package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.math.BigDecimal;

/**
 * A client's settlement agreement (docs/design.md, "Settlement"). {@code commissionVatRate} may be null: the
 * standard VAT rate in force on each sale's date then applies. {@code payoutVatRate}: the VAT the payout itself
 * carries, when the agreement says it does; null (the usual case: an agent hands over its principal's money) makes the
 * payment order say "НДС не облагается".
 */
public record Agreement(
        String clientId,
        String name,
        BigDecimal commissionRate,
        BigDecimal commissionVatRate,
        String payoutCurrency,
        Money minimumPayout,
        FxDifferenceBearer fxDifferenceBornBy,
        boolean customsVatIsCost,
        String fxRateSource,
        BankAccount bankAccount,
        BigDecimal payoutVatRate) {

    public Agreement(String clientId, String name, BigDecimal commissionRate, BigDecimal commissionVatRate, String payoutCurrency,
                     Money minimumPayout, FxDifferenceBearer fxDifferenceBornBy, boolean customsVatIsCost, String fxRateSource,
                     BankAccount bankAccount) {
        this(clientId, name, commissionRate, commissionVatRate, payoutCurrency, minimumPayout, fxDifferenceBornBy, customsVatIsCost,
                fxRateSource, bankAccount, null);
    }

    public enum FxDifferenceBearer { CLIENT, SERVICE }

    /** Where the payout goes; {@code kpp} (Russian companies) may be null. */
    public record BankAccount(String holder, String account, String bankId, String taxId, String kpp) {

        public BankAccount(String holder, String account, String bankId, String taxId) {
            this(holder, account, bankId, taxId, null);
        }

        /** A Russian bank, named by its 9-digit BIK (a SWIFT BIC has letters). */
        public boolean russian() {
            return bankId.matches("[0-9]{9}");
        }
    }
}
