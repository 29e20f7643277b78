package io.settlehub.contract;

import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ISO 4217 codes and their minor units, as the JDK knows them. */
public final class Currencies {

    private static final Map<String, Integer> KNOWN = new ConcurrentHashMap<>();

    private Currencies() {
    }

    /** The number of decimals of the currency's minor unit; throws for a code that is not ISO 4217. */
    public static int minorUnits(String code) {
        Integer known = code == null ? null : KNOWN.get(code);
        if (known != null) {
            return known;
        }
        int digits = lookUp(code);
        KNOWN.put(code, digits);
        return digits;
    }

    private static int lookUp(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("unknown currency '" + code + "'");
        }
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            if (digits < 0) {
                throw new IllegalArgumentException("currency '" + code + "' has no minor unit (not a money currency)");
            }
            return digits;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("currency '")) {
                throw e;
            }
            throw new IllegalArgumentException("unknown currency '" + code + "'");
        }
    }
}
