package io.settlehub.carrier.partner.customs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customs declaration as the customs broker's file gives it: its number, the date it was registered, the goods
 * receipt it clears, its revision (0 first, higher for a corrected one), the currency, and per SKU the units, customs
 * value, duty, import VAT and fees. {@code source} names the file and line it came from, for error messages.
 */
public record Declaration(String number, LocalDate date, String receiptId, int revision, String currency, List<Line> lines, String source) {

    public record Line(String sku, int quantity, BigDecimal customsValue, BigDecimal duty, BigDecimal vat, BigDecimal fees) {
    }
}
