package io.settlehub.filedrop.mapping;

import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PayoutOrder;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.filedrop.config.FileDropProperties.Platform;
import io.settlehub.filedrop.report.ReportRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * One row of a dropped report → a canonical event, by the platform's mapping: the operation column's value names
 * what the row is ({@code SALE}, {@code RETURN}, {@code PAYOUT}, {@code CHARGE:<kind>}); the amount column is the
 * line's gross for a sale, the refund for a return, the amount for a charge or payout; the fee column is what the
 * platform keeps of a sale (or gives back on a return). The event id is the platform, the client and the row id
 * column — or, without one, a hash of the row's cells — so the same report dropped again publishes nothing new.
 * A row that does not fit is returned unmapped, naming its line and the field. A fee on a payout or charge row, which
 * neither carries, goes to an unmapped record naming the fee column, the rest of the row mapped: no amount of a row
 * is left out silently.
 */
public final class ReportRowMapper {

    private ReportRowMapper() {
    }

    public static MappingResult map(Platform platform, String fileName, ReportRow row) {
        String id = platform.name() + ":" + platform.clientId() + ":" + rowKey(platform, row);
        try {
            String operation = required(platform, row, "operation");
            String meaning = platform.meaning(operation);
            if (meaning == null) {
                throw new RowError("unknown operation '" + operation + "' (column '" + platform.column("operation")
                        + "'; the mapping knows " + platform.operationValues() + ")");
            }
            Instant at = occurredAt(platform, row);
            EventPayload payload;
            EventType type;
            String kind = meaning.trim().toUpperCase(Locale.ROOT);
            if (kind.equals("SALE")) {
                type = EventType.SALE;
                payload = sale(platform, row);
            } else if (kind.equals("RETURN")) {
                type = EventType.RETURN;
                int quantity = quantity(platform, row);
                BigDecimal refund = amount(platform, row, "amount").abs();
                payload = new Return(required(platform, row, "order-id"), required(platform, row, "sku"), quantity, money(platform, refund),
                        money(platform, optionalAmount(platform, row, "fee").abs()), money(platform, BigDecimal.ZERO));
            } else if (kind.equals("PAYOUT")) {
                type = EventType.MARKETPLACE_PAYOUT;
                Money amount = money(platform, amount(platform, row, "amount"));
                String orderId = platform.column("order-id") == null ? null : row.cell(platform.column("order-id"));
                String payoutId = platform.column("payout-id") != null && row.cell(platform.column("payout-id")) != null
                        ? row.cell(platform.column("payout-id")) : rowKey(platform, row);
                payload = new MarketplacePayout(payoutId, amount, orderId == null ? List.of() : List.of(new PayoutOrder(orderId, amount)));
            } else if (kind.startsWith("CHARGE:")) {
                type = EventType.MARKETPLACE_CHARGE;
                String orderId = platform.column("order-id") == null ? null : row.cell(platform.column("order-id"));
                payload = new MarketplaceCharge(meaning.substring(meaning.indexOf(':') + 1).trim(), money(platform, amount(platform, row, "amount")),
                        orderId);
            } else {
                throw new RowError("operation '" + operation + "' is mapped to '" + meaning
                        + "', which is none of SALE, RETURN, PAYOUT, CHARGE:<kind>");
            }
            List<CanonicalEvent> events = List.of(new CanonicalEvent(id, type, EventCodec.SCHEMA_VERSION, platform.name(),
                    platform.clientId(), at, payload));
            BigDecimal fee = optionalAmount(platform, row, "fee");
            if (fee.signum() != 0 && (type == EventType.MARKETPLACE_PAYOUT || type == EventType.MARKETPLACE_CHARGE)) {
                String column = platform.column("fee");
                return new MappingResult(events, List.of(UnmappedRecord.field(platform.name(), platform.clientId(), id, column, fee,
                        fileName + " line " + row.line() + ": " + column + " " + fee.toPlainString() + " on a " + operation
                                + " row, which carries only its amount: left to an operator", PartnerJson.write(row.cells()))));
            }
            return MappingResult.of(events);
        } catch (RowError | IllegalArgumentException e) {
            return MappingResult.unmapped(new UnmappedRecord(platform.name(), platform.clientId(), id,
                    fileName + " line " + row.line() + ": " + e.getMessage(), PartnerJson.write(row.cells())));
        }
    }

    private static Sale sale(Platform platform, ReportRow row) {
        int quantity = quantity(platform, row);
        BigDecimal gross = amount(platform, row, "amount");
        BigDecimal unit = gross.divide(BigDecimal.valueOf(quantity), 10, RoundingMode.HALF_UP).stripTrailingZeros();
        BigDecimal discount = BigDecimal.ZERO;
        if (unit.scale() > io.settlehub.contract.Currencies.minorUnits(platform.currency())) {
            // the line total does not split into equal unit prices: price at the rounded-up unit, the rest as discount
            unit = unit.setScale(io.settlehub.contract.Currencies.minorUnits(platform.currency()), RoundingMode.UP);
            discount = unit.multiply(BigDecimal.valueOf(quantity)).subtract(gross);
        }
        BigDecimal fee = optionalAmount(platform, row, "fee").abs();
        List<Fee> fees = fee.signum() == 0 ? List.of() : List.of(new Fee("marketplace fee", money(platform, fee)));
        return new Sale(required(platform, row, "order-id"), List.of(new SaleLine(required(platform, row, "sku"), quantity,
                money(platform, unit), money(platform, discount), fees)));
    }

    private static String rowKey(Platform platform, ReportRow row) {
        String rowId = platform.column("row-id") == null ? null : row.cell(platform.column("row-id"));
        if (rowId != null) {
            return rowId;
        }
        return "row-" + io.settlehub.contract.Digests.sha256Hex(PartnerJson.write(row.cells())).substring(0, 24);
    }

    private static String required(Platform platform, ReportRow row, String field) {
        String column = platform.column(field);
        if (column == null) {
            throw new RowError("the mapping names no column for '" + field + "'");
        }
        String value = row.cell(column);
        if (value == null) {
            throw new RowError(field + " (column '" + column + "') is empty");
        }
        return value;
    }

    private static int quantity(Platform platform, ReportRow row) {
        String text = required(platform, row, "quantity");
        try {
            int quantity = Math.abs(Integer.parseInt(text.replace(" ", "")));
            if (quantity == 0) {
                throw new RowError("quantity (column '" + platform.column("quantity") + "') is 0");
            }
            return quantity;
        } catch (NumberFormatException e) {
            throw new RowError("quantity (column '" + platform.column("quantity") + "') is not a whole number: '" + text + "'");
        }
    }

    private static BigDecimal amount(Platform platform, ReportRow row, String field) {
        return decimal(platform, field, required(platform, row, field));
    }

    private static BigDecimal optionalAmount(Platform platform, ReportRow row, String field) {
        String column = platform.column(field);
        String text = column == null ? null : row.cell(column);
        return text == null ? BigDecimal.ZERO : decimal(platform, field, text);
    }

    private static BigDecimal decimal(Platform platform, String field, String text) {
        String normal = text.replace("\u00a0", "").replace(" ", "");
        if (platform.decimalComma()) {
            normal = normal.replace(".", "").replace(',', '.');
        } else {
            normal = normal.replace(",", "");
        }
        try {
            return new BigDecimal(normal);
        } catch (NumberFormatException e) {
            throw new RowError(field + " (column '" + platform.column(field) + "') is not an amount: '" + text + "'");
        }
    }

    private static Money money(Platform platform, BigDecimal amount) {
        try {
            return new Money(amount, platform.currency());
        } catch (IllegalArgumentException e) {
            throw new RowError(e.getMessage());
        }
    }

    private static Instant occurredAt(Platform platform, ReportRow row) {
        String text = required(platform, row, "occurred-at");
        DateTimeFormatter format = DateTimeFormatter.ofPattern(platform.dateFormat());
        try {
            return platform.dateFormat().contains("H") ? LocalDateTime.parse(text, format).atZone(platform.zone()).toInstant()
                    : LocalDate.parse(text, format).atStartOfDay(platform.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowError("occurred-at (column '" + platform.column("occurred-at") + "') is not a date as "
                    + platform.dateFormat() + ": '" + text + "'");
        }
    }

    /** Why a row does not fit the mapping. */
    private static final class RowError extends RuntimeException {
        RowError(String message) {
            super(message);
        }
    }
}
