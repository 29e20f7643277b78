package io.settlehub.core.payout;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.Agreement;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The purpose (назначение платежа) of a client's payout. To a Russian bank it is in Russian and ends with the VAT
 * wording a Russian payment order must carry: the hub pays out its principal's money as an agent, so the payout itself
 * is "НДС не облагается" (the VAT on the hub's commission is the hub's own, invoiced separately), unless the agreement
 * says the payout carries VAT, when its amount is stated: "В т.ч. НДС (22%) 123,45 руб.". A payout to a bank abroad
 * keeps an English purpose.
 */
public final class PaymentPurpose {

    /** A Russian payment order's purpose field (поле 24) holds 210 characters. */
    public static final int MAX_RUSSIAN = 210;

    private PaymentPurpose() {
    }

    public static String clientPayout(Agreement agreement, Money amount) {
        Agreement.BankAccount account = agreement.bankAccount();
        if (account == null || !account.russian()) {
            return "Payout of marketplace sales to " + agreement.name();
        }
        String vat = vatWording(amount, agreement.payoutVatRate());
        String text = "Перечисление выручки от продаж на маркетплейсах за вычетом вознаграждения агента, " + agreement.name() + ". ";
        return fit(text, vat);
    }

    /** "НДС не облагается", or the VAT within the amount at the rate, rounded half up to kopecks. */
    public static String vatWording(Money amount, BigDecimal rate) {
        if (rate == null || rate.signum() == 0) {
            return "НДС не облагается";
        }
        BigDecimal vat = amount.amount().multiply(rate).divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_UP);
        String percent = rate.movePointRight(2).stripTrailingZeros().toPlainString();
        return "В т.ч. НДС (" + percent + "%) " + vat.toPlainString().replace('.', ',') + " " + currencyWord(amount.currency()) + ".";
    }

    private static String currencyWord(String currency) {
        return "RUB".equals(currency) ? "руб" : currency;
    }

    /** The text shortened (never the VAT wording) so that both fit the field. */
    private static String fit(String text, String vat) {
        int room = MAX_RUSSIAN - vat.length();
        String head = text.length() <= room ? text : text.substring(0, room - 2) + ". ";
        return head + vat;
    }
}
