package io.settlehub.core.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The request bodies as the API description shows them (the controllers read the JSON field by field, refusing unknown
 * fields by name). Amounts and rates are decimal strings: digits and an optional point, no exponent.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    @Schema(name = "Agreement", description = "A client's settlement agreement; a new version from effectiveFrom when given")
    record Agreement(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Acme Import") String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "0.05", description = "the hub's commission, a fraction of the sale") String commissionRate,
            @Schema(example = "0.22", description = "VAT on the commission; absent: the standard rate in force on each sale's date") String commissionVatRate,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "RUB") String payoutCurrency,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "500.00") String minimumPayout,
            @Schema(allowableValues = {"CLIENT", "SERVICE"}, defaultValue = "CLIENT") String fxDifferenceBornBy,
            @Schema(defaultValue = "true") Boolean customsVatIsCost,
            @Schema(defaultValue = "cbr") String fxRateSource,
            @Schema(requiredMode = RequiredMode.REQUIRED) BankAccount bankAccount,
            @Schema(example = "0.22", description = "the VAT the payout itself carries; absent: \"НДС не облагается\"") String payoutVatRate,
            @Schema(example = "2026-11-01", format = "date") String effectiveFrom) {
    }

    @Schema(name = "ClientBankAccount", description = "Where the client's payouts go; a 9-digit BIK must be open in the BIK directory")
    record BankAccount(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "ООО «Акме Импорт»") String holder,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "40702810900000000001") String account,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "044525225", description = "a 9-digit BIK or a SWIFT BIC") String bankId,
            @Schema(example = "7701234567", description = "INN, 10 or 12 digits") String taxId,
            @Schema(example = "770101001", description = "KPP, 9 characters") String kpp) {
    }

    @Schema(name = "Supplier", description = "A supplier the hub pays for its clients' goods")
    record Supplier(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "Shenzhen Bright Lights Co., Ltd.") String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "CNY") String currency,
            @Schema(requiredMode = RequiredMode.REQUIRED) SupplierBankAccount bankAccount,
            Contract contract) {
    }

    @Schema(name = "SupplierBankAccount")
    record SupplierBankAccount(
            @Schema(description = "default: the supplier's name") String holder,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "44332211009988776655") String account,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "BKCHCNBJ45A") String bankId,
            @Schema(example = "CN") String country,
            @Schema(example = "104584000003", description = "the bank's local clearing code (CNAPS for China)") String localBankCode) {
    }

    @Schema(name = "Contract", description = "The foreign trade contract Russian currency control asks of a payment abroad")
    record Contract(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "SZ-2026/17") String number,
            @Schema(example = "2026-01-15", format = "date") String date,
            @Schema(example = "26010001/1481/0000/2/1") String registeredNumber,
            @Schema(example = "11200", pattern = "^[0-9]{5}$") String currencyOperationCode) {
    }

    @Schema(name = "TokenRequest")
    record Token(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "CRM integration") String label,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"CLIENT", "OPERATOR"}) String role,
            @Schema(description = "for a CLIENT token", example = "acme") String clientId,
            @Schema(defaultValue = "90", minimum = "1", maximum = "366") Integer validDays) {
    }

    @Schema(name = "User")
    record User(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 12) String password,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"CLIENT", "OPERATOR"}) String role,
            @Schema(description = "for a CLIENT user", example = "acme") String clientId) {
    }

    @Schema(name = "DutyRate")
    record DutyRate(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-01", format = "date") String validFrom,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "0.10") String rate) {
    }
}
