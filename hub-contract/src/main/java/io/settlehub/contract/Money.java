package io.settlehub.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in one currency, always at the scale of that currency's minor unit.
 * Construction rejects amounts with more decimals than the currency allows, so a value never
 * silently loses precision; {@link #rounded} is the one place where rounding (HALF_UP) happens.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        int scale = Currencies.minorUnits(currency);
        // stripping trailing zeros divides: only an amount written with more decimals than the currency's needs it
        if (amount.scale() > scale && amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more decimals than "
                    + currency + " allows (" + scale + ")");
        }
        if (amount.scale() != scale) {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds HALF_UP to the currency's minor unit: the rule {@code r} of the settlement rules. */
    public static Money rounded(BigDecimal exact, String currency) {
        return new Money(exact.setScale(Currencies.minorUnits(currency), RoundingMode.HALF_UP), currency);
    }

    /** The sum of amounts in {@code currency}, added as decimals and made Money once (no Money per step). */
    public static Money sum(String currency, Iterable<Money> parts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Money part : parts) {
            requireSameCurrency(currency, part.currency);
            total = total.add(part.amount);
        }
        return new Money(total, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public int signum() {
        return amount.signum();
    }

    public String plain() {
        return amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        requireSameCurrency(currency, other.currency);
    }

    private static void requireSameCurrency(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("currency mismatch: " + expected + " vs " + actual);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
