package io.settlehub.core.text;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * How amounts and dates read for people, by their language: Russian "3 144,00 ₽" and "30.11.2026", English
 * "3,144.00 RUB" and "30 Nov 2026". The figures stay exact: an amount is formatted from its decimal at the currency's
 * scale, never through a binary double.
 */
public final class Readable {

    /** The languages the hub speaks, Russian first: it is the default for anyone who asks for neither. */
    public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);
    public static final Locale RUSSIAN = LANGUAGES.get(0);

    private final Locale locale;
    private final ZoneId zone;

    public Readable(Locale locale, ZoneId zone) {
        this.locale = supported(locale);
        this.zone = zone;
    }

    /** The hub's language closest to {@code wanted}: English for any English, Russian otherwise. */
    public static Locale supported(Locale wanted) {
        return wanted != null && wanted.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.ENGLISH : RUSSIAN;
    }

    public Locale locale() {
        return locale;
    }

    public boolean russian() {
        return locale.equals(RUSSIAN);
    }

    /** An amount with its currency: "3 144,00 ₽" (Russian, the sign where Russian puts it), "3,144.00 RUB" (English). */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        if (!russian()) {
            return number(amount) + "\u00a0" + currency;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency unit = Currency.getInstance(currency);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        format.setMaximumFractionDigits(Math.max(unit.getDefaultFractionDigits(), amount.stripTrailingZeros().scale()));
        return format.format(amount);
    }

    /** The same for an amount spelled as a plain decimal ("3144.00", as the balances API gives it). */
    public String money(String amount, String currency) {
        return amount == null || amount.isEmpty() ? "" : money(new BigDecimal(amount), currency);
    }

    /** An amount without its currency, for columns headed by it: "3 144,00", "3,144.00". */
    public String number(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(Math.max(2, amount.stripTrailingZeros().scale()));
        return format.format(amount);
    }

    public String number(String amount) {
        return amount == null || amount.isEmpty() ? "" : number(new BigDecimal(amount));
    }

    /** A whole count: "1 200", "1,200". */
    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern(russian() ? "dd.MM.yyyy" : "dd MMM yyyy", locale).format(date);
    }

    /** A moment at the hub's business time: "30.11.2026 14:05". */
    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern(russian() ? "dd.MM.yyyy HH:mm" : "dd MMM yyyy HH:mm", locale).withZone(zone).format(at);
    }

    /** The month as a heading: "ноябрь 2026", "November 2026". */
    public String month(java.time.YearMonth month) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
    }

    /** The decimal separator, for scripts that format live updates the same way. */
    public char decimalSeparator() {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
    }
}
