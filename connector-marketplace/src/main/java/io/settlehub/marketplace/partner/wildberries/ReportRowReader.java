package io.settlehub.marketplace.partner.wildberries;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.connector.support.PartnerFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads one report row of either Wildberries API into a {@link ReportRow}: {@link #STATISTICS} for
 * {@code reportDetailByPeriod} (snake_case, numbers), {@link #FINANCE} for {@code sales-reports/detailed} (camelCase,
 * amounts as strings). Dates without a zone are Moscow time, as WB documents.
 */
public enum ReportRowReader {

    STATISTICS("realizationreport_id", "date_from", "date_to", "create_dt", "rrd_id", "currency_name", "doc_type_name",
            "supplier_oper_name", "sa_name", "nm_id", "srid", "quantity", "retail_price", "retail_amount", "ppvz_for_pay", "ppvz_vw",
            "ppvz_vw_nds", "acquiring_fee", "ppvz_reward", "delivery_rub", "penalty", "additional_payment", "rebill_logistic_cost",
            "storage_fee", "deduction", "acceptance", "sale_dt", "rr_dt", "declaration_number"),
    FINANCE("reportId", "dateFrom", "dateTo", "createDate", "rrdId", "currency", "docTypeName",
            "sellerOperName", "vendorCode", "nmId", "srid", "quantity", "retailPrice", "retailAmount", "forPay", "vw",
            "vwNds", "acquiringFee", "ppvzReward", "deliveryService", "penalty", "additionalPayment", "rebillLogisticCost",
            "paidStorage", "deduction", "paidAcceptance", "saleDt", "rrDate", "declarationNumber");

    private final String[] f;

    ReportRowReader(String... fields) {
        this.f = fields;
    }

    public ReportRow read(JsonNode row) {
        long rrdId = row.path(f[4]).asLong(-1);
        if (rrdId < 0) {
            throw new PartnerFormatException("wildberries report row without " + f[4] + ": " + abbreviate(row.toString()));
        }
        return new ReportRow(row.path(f[0]).asLong(), date(row, f[1]), date(row, f[2]), instant(row, f[3]), rrdId,
                text(row, f[5]), text(row, f[6]), text(row, f[7]), text(row, f[8]), row.path(f[9]).asLong(), text(row, f[10]),
                row.path(f[11]).asInt(), amount(row, f[12]), amount(row, f[13]), amount(row, f[14]), amount(row, f[15]),
                amount(row, f[16]), amount(row, f[17]), amount(row, f[18]), amount(row, f[19]), amount(row, f[20]),
                amount(row, f[21]), amount(row, f[22]), amount(row, f[23]), amount(row, f[24]), amount(row, f[25]),
                instant(row, f[26]), date(row, f[27]), text(row, f[28]), row.toString());
    }

    private static String text(JsonNode row, String field) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static BigDecimal amount(JsonNode row, String field) {
        JsonNode node = row.get(field);
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new PartnerFormatException("wildberries report row " + row.path("rrd_id").asText(row.path("rrdId").asText())
                    + ": " + field + " is not an amount: '" + node.asText() + "'");
        }
    }

    private static LocalDate date(JsonNode row, String field) {
        String text = text(row, field);
        return text == null || text.isBlank() ? null : LocalDate.parse(text.substring(0, 10));
    }

    static Instant instant(JsonNode row, String field) {
        String text = text(row, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(BusinessCalendar.ZONE).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(BusinessCalendar.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new PartnerFormatException("wildberries report: " + field + " is not a date-time: '" + text + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
