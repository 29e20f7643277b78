package io.settlehub.core.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV (RFC 4180: comma-separated, CRLF, quotes doubled), UTF-8 with a byte-order mark so spreadsheet programs read the
 * Cyrillic right. The tables follow one another, each under a line with its name; amounts are plain decimals with a
 * point. No text cell can become a formula ({@link #neutralised}).
 */
public final class CsvReport {

    private CsvReport() {
    }

    public static byte[] write(Report report) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, List.of(report.title()));
        report.about().forEach(a -> line(csv, List.of(a)));
        for (Report.Table table : report.tables()) {
            csv.append("\r\n");
            line(csv, List.of(table.name()));
            line(csv, table.columns());
            table.rows().forEach(row -> line(csv, row));
            if (table.total() != null) {
                line(csv, table.total());
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return: an order id
     * {@code =HYPERLINK(…)} from a partner's file) gets a leading apostrophe, so it shows as the text it is (OWASP's
     * "CSV injection" advice). Amounts are numbers, not text, and keep their minus sign.
     */
    static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object cell = cells.get(i);
            String text = cell instanceof CharSequence ? neutralised(cell.toString()) : Report.text(cell);
            csv.append(text.matches("(?s).*[\",\r\n].*") || text.startsWith("'") ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        csv.append("\r\n");
    }
}
