package io.settlehub.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads required and optional fields from a JSON tree, failing with the full path of the field that
 * is missing or malformed ({@code payload.lines[1].quantity: must be a positive integer}).
 */
public final class JsonFields {

    /** The longest identifier a field may hold (order, SKU, receipt, payout ids…): what the ledger stores. */
    public static final int MAX_ID = 100;
    /** The longest free text a field may hold (reasons, names, purposes). */
    public static final int MAX_TEXT = 1000;
    /** A decimal string as the JSON Schemas have it: digits, an optional point and digits; no exponent, no '+'. */
    /** The longest decimal string: what a numeric(38, 10) column holds, with sign and point. */
    public static final int MAX_DECIMAL = 40;

    private final JsonNode node;
    private final String path;

    public JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException(path, "must be a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    /** Parses a JSON object document; malformed JSON is an {@link InvalidMessageException} too. */
    public static JsonFields parse(String json) {
        JsonNode root;
        try {
            root = EventCodec.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidMessageException("", "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null) {
            throw new InvalidMessageException("", "empty message body");
        }
        return new JsonFields(root, "");
    }

    /** An ISO 4217 currency code. */
    public String currency(String field) {
        String code = text(field);
        try {
            Currencies.minorUnits(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException(at(field), e.getMessage());
        }
        return code;
    }

    public boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw new InvalidMessageException(at(field), "must be true or false");
        }
        return value.asBoolean();
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidMessageException(at(field), "is required");
        }
        return value;
    }

    /**
     * Refuses a field this object does not have, naming it and the fields it has: a misspelt field ("minimumPayot")
     * must not be dropped silently while its value was meant to count.
     */
    public JsonFields onlyFields(String... known) {
        java.util.Set<String> allowed = java.util.Set.of(known);
        java.util.Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidMessageException(at(Texts.abbreviated(name, 60)), "is not a field here (the fields are "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Free text of up to {@link #MAX_TEXT} characters. */
    public String text(String field) {
        return text(field, MAX_TEXT);
    }

    /** A non-empty string of at most {@code maxLength} characters, without control characters. */
    public String text(String field, int maxLength) {
        JsonNode value = required(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidMessageException(at(field), "must be a non-empty string");
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            throw new InvalidMessageException(at(field), "must be at most " + maxLength + " characters, was " + text.length());
        }
        if (hasControlCharacter(text)) {
            throw new InvalidMessageException(at(field), "must not contain control characters");
        }
        return text;
    }

    public String optionalText(String field) {
        return has(field) ? text(field) : null;
    }

    /** An identifier: a non-empty string of at most {@link #MAX_ID} characters. */
    public String id(String field) {
        return text(field, MAX_ID);
    }

    public String optionalId(String field) {
        return has(field) ? id(field) : null;
    }

    public int positiveInt(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() <= 0) {
            throw new InvalidMessageException(at(field), "must be a positive integer, was " + value);
        }
        return value.asInt();
    }

    /** An integer of zero or more; 0 when the field is absent. */
    public int nonNegativeInt(String field) {
        if (!has(field)) {
            return 0;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new InvalidMessageException(at(field), "must be an integer of zero or more, was " + value);
        }
        return value.asInt();
    }

    public Integer optionalPositiveInt(String field) {
        return has(field) ? positiveInt(field) : null;
    }

    /** A decimal given as a string, as the contract requires for rates and amounts. */
    public BigDecimal decimal(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw new InvalidMessageException(at(field), "must be a decimal string, was " + value);
        }
        if (value.asText().length() > MAX_DECIMAL) {
            throw new InvalidMessageException(at(field), "must be at most " + MAX_DECIMAL + " characters, was " + value.asText().length());
        }
        if (!isPlainDecimal(value.asText())) {
            throw new InvalidMessageException(at(field), "is not a decimal number: '" + Texts.abbreviated(value.asText(), 40) + "'"
                    + " (digits with an optional '.', no exponent)");
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new InvalidMessageException(at(field), "is not a decimal number: '" + value.asText() + "'");
        }
    }

    public Money money(String field) {
        JsonFields money = object(field);
        String currency = money.text("currency");
        BigDecimal amount = money.decimal("amount");
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException(at(field), e.getMessage());
        }
    }

    public Money nonNegativeMoney(String field) {
        Money money = money(field);
        if (money.isNegative()) {
            throw new InvalidMessageException(at(field), "must not be negative, was " + money);
        }
        return money;
    }

    public Money optionalMoney(String field) {
        return has(field) ? money(field) : null;
    }

    public Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(at(field), "is not an ISO-8601 instant: '" + text + "'");
        }
    }

    public Instant optionalInstant(String field) {
        return has(field) ? instant(field) : null;
    }

    public LocalDate date(String field) {
        String text = text(field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(at(field), "is not an ISO date (YYYY-MM-DD): '" + text + "'");
        }
    }

    public JsonFields object(String field) {
        return new JsonFields(required(field), at(field));
    }

    public <T> List<T> list(String field, BiFunction<JsonFields, Integer, T> reader) {
        JsonNode value = required(field);
        if (!value.isArray() || value.isEmpty()) {
            throw new InvalidMessageException(at(field), "must be a non-empty array");
        }
        return readAll(field, value, reader);
    }

    public <T> List<T> optionalList(String field, BiFunction<JsonFields, Integer, T> reader) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw new InvalidMessageException(at(field), "must be an array");
        }
        return readAll(field, value, reader);
    }

    private <T> List<T> readAll(String field, JsonNode array, BiFunction<JsonFields, Integer, T> reader) {
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            items.add(reader.apply(new JsonFields(array.get(i), at(field) + "[" + i + "]"), i));
        }
        return List.copyOf(items);
    }

    public String path() {
        return path;
    }
    /** A control character other than a line feed or a tab. Every text field of every event is checked: a plain loop. */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** {@code -?[0-9]+(\.[0-9]+)?}: ASCII digits, an optional minus and an optional fraction, no exponent. */
    static boolean isPlainDecimal(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int integerStart = i;
        while (i < text.length() && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        if (i == integerStart) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        if (text.charAt(i) != '.') {
            return false;
        }
        int fractionStart = ++i;
        while (i < text.length() && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        return i > fractionStart && i == text.length();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
