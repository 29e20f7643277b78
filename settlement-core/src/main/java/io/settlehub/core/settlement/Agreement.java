package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.math.BigDecimal;

/**
 * A client's settlement agreement (DESIGN.md, "Agreement"). {@code commissionVatRate} may be null: the
 * standard VAT rate in force on each sale's date then applies.
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
        BankAccount bankAccount) {

    public enum FxDifferenceBearer { CLIENT, SERVICE }

    public record BankAccount(String holder, String account, String bankId, String taxId) {
    }
}
