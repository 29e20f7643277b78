package io.settlehub.core.settlement;

import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.JsonFields;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks every bank detail the hub pays to passes before it is stored, each failure naming the field: money must not
 * leave for an account no bank could book.
 */
public final class BankDetails {

    /** An account number or IBAN: 5 to 34 digits or capital letters. */
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Z]{5,34}");
    /** A SWIFT BIC (ISO 9362: bank, country, location, optional branch) or a Russian BIK (9 digits). */
    private static final Pattern BANK_ID = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?|[0-9]{9}");
    /** A Russian taxpayer number (ИНН): 10 digits for a company, 12 for a person. */
    private static final Pattern INN = Pattern.compile("[0-9]{10}|[0-9]{12}");
    /** A Russian registration reason code (КПП): tax office (4 digits), reason (2 digits or capital letters), number (3 digits). */
    private static final Pattern KPP = Pattern.compile("[0-9]{4}[0-9A-Z]{2}[0-9]{3}");
    private static final Pattern LOCAL_BANK_CODE = Pattern.compile("[0-9A-Z]{1,20}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** The longest name of a party (a payment order's name field takes 160 characters). */
    public static final int MAX_NAME = 160;

    private BankDetails() {
    }

    public static String account(JsonFields fields) {
        return matching(fields, "account", ACCOUNT, "5 to 34 digits or capital letters");
    }

    public static String bankId(JsonFields fields) {
        return matching(fields, "bankId", BANK_ID, "a SWIFT BIC (8 or 11 letters and digits, e.g. BKCHCNBJ45A) or a 9-digit BIK");
    }

    public static String taxId(JsonFields fields) {
        return fields.has("taxId") ? matching(fields, "taxId", INN, "a taxpayer number (ИНН) of 10 or 12 digits") : null;
    }

    public static String kpp(JsonFields fields) {
        return fields.has("kpp") ? matching(fields, "kpp", KPP, "a registration reason code (КПП) of 9 characters, e.g. 770101001") : null;
    }

    public static String country(JsonFields fields) {
        return fields.has("country") ? matching(fields, "country", null, "an ISO 3166 country code of two capital letters, e.g. CN") : null;
    }

    public static String localBankCode(JsonFields fields) {
        return fields.has("localBankCode") ? matching(fields, "localBankCode", LOCAL_BANK_CODE, "1 to 20 digits or capital letters") : null;
    }

    public static String name(JsonFields fields, String field) {
        return fields.text(field, MAX_NAME);
    }

    private static String matching(JsonFields fields, String field, Pattern pattern, String what) {
        String value = fields.text(field, 40);
        boolean ok = pattern == null ? COUNTRIES.contains(value) : pattern.matcher(value).matches();
        if (!ok) {
            throw new InvalidMessageException(fields.path() + "." + field, "must be " + what + ", was '" + value + "'");
        }
        return value;
    }
}
