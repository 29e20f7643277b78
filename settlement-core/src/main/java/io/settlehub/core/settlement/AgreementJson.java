package io.settlehub.core.settlement;

import io.settlehub.contract.EventCodec;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.JsonFields;
import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an agreement body (docs/design.md) with every field validated by name, and writes it back. */
public final class AgreementJson {

    private AgreementJson() {
    }

    /**
     * An agreement as an operator sends it: every field known (a misspelt one is refused, not ignored) and the bank account
     * the payouts go to given.
     */
    public static Agreement readInput(String clientId, String json) {
        JsonFields p = JsonFields.parse(json).onlyFields("effectiveFrom", "clientId", "name", "commissionRate", "commissionVatRate",
                "payoutCurrency", "minimumPayout", "fxDifferenceBornBy", "customsVatIsCost", "fxRateSource", "bankAccount", "payoutVatRate");
        if (!p.has("bankAccount")) {
            throw new InvalidMessageException("bankAccount", "is required: the client's payouts go to it ({\"holder\", \"account\", "
                    + "\"bankId\", \"taxId\", \"kpp\"})");
        }
        p.object("bankAccount").onlyFields("holder", "account", "bankId", "taxId", "kpp");
        return read(clientId, json);
    }

    /** An agreement as stored (versions saved before a field existed read as they were). */
    public static Agreement read(String clientId, String json) {
        JsonFields p = JsonFields.parse(json);
        BigDecimal commissionRate = rate(p, "commissionRate");
        BigDecimal vatRate = p.has("commissionVatRate") ? rate(p, "commissionVatRate") : null;
        String payoutCurrency = p.currency("payoutCurrency");
        BigDecimal minimum = p.decimal("minimumPayout");
        Money minimumPayout;
        try {
            minimumPayout = new Money(minimum, payoutCurrency);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("minimumPayout", e.getMessage());
        }
        if (minimumPayout.isNegative()) {
            throw new InvalidMessageException("minimumPayout", "must not be negative");
        }
        Agreement.FxDifferenceBearer bearer = Agreement.FxDifferenceBearer.CLIENT;
        if (p.has("fxDifferenceBornBy")) {
            String text = p.text("fxDifferenceBornBy");
            try {
                bearer = Agreement.FxDifferenceBearer.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidMessageException("fxDifferenceBornBy", "must be CLIENT or SERVICE, was '" + text + "'");
            }
        }
        boolean customsVatIsCost = p.bool("customsVatIsCost", true);
        String fxRateSource = p.has("fxRateSource") ? p.id("fxRateSource") : "cbr";
        Agreement.BankAccount account = null;
        if (p.has("bankAccount")) {
            JsonFields a = p.object("bankAccount");
            account = new Agreement.BankAccount(BankDetails.name(a, "holder"), BankDetails.account(a), BankDetails.bankId(a),
                    BankDetails.taxId(a), BankDetails.kpp(a));
        }
        BigDecimal payoutVatRate = p.has("payoutVatRate") ? rate(p, "payoutVatRate") : null;
        return new Agreement(clientId, BankDetails.name(p, "name"), commissionRate, vatRate, payoutCurrency, minimumPayout, bearer,
                customsVatIsCost, fxRateSource, account, payoutVatRate);
    }

    private static BigDecimal rate(JsonFields p, String field) {
        BigDecimal rate = p.decimal(field);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidMessageException(field, "must be a fraction between 0 and 1 (0.05 = 5 %), was " + rate.toPlainString());
        }
        return rate;
    }

    /** The earliest and latest dates an agreement version may take effect from. */
    static final java.time.LocalDate FIRST_EFFECTIVE = java.time.LocalDate.of(2000, 1, 1);
    static final java.time.LocalDate LAST_EFFECTIVE = java.time.LocalDate.of(2099, 12, 31);

    /** The date a new version of the agreement takes effect from, when the body names one. */
    public static java.time.LocalDate effectiveFrom(String json) {
        JsonFields p = JsonFields.parse(json);
        if (!p.has("effectiveFrom")) {
            return null;
        }
        java.time.LocalDate from = p.date("effectiveFrom");
        if (from.isBefore(FIRST_EFFECTIVE) || from.isAfter(LAST_EFFECTIVE)) {
            throw new InvalidMessageException("effectiveFrom", "must be a date from " + FIRST_EFFECTIVE + " to " + LAST_EFFECTIVE
                    + ", was " + from);
        }
        return from;
    }

    public static String write(Agreement agreement, java.time.LocalDate effectiveFrom) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (effectiveFrom != null) {
            body.put("effectiveFrom", effectiveFrom.toString());
        }
        body.put("clientId", agreement.clientId());
        body.put("name", agreement.name());
        body.put("commissionRate", agreement.commissionRate());
        if (agreement.commissionVatRate() != null) {
            body.put("commissionVatRate", agreement.commissionVatRate());
        }
        body.put("payoutCurrency", agreement.payoutCurrency());
        body.put("minimumPayout", agreement.minimumPayout().amount());
        body.put("fxDifferenceBornBy", agreement.fxDifferenceBornBy().name());
        body.put("customsVatIsCost", agreement.customsVatIsCost());
        body.put("fxRateSource", agreement.fxRateSource());
        if (agreement.bankAccount() != null) {
            body.put("bankAccount", agreement.bankAccount());
        }
        if (agreement.payoutVatRate() != null) {
            body.put("payoutVatRate", agreement.payoutVatRate());
        }
        return EventCodec.write(body);
    }
}
