package io.settlehub.core.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV (RFC 4180: comma-separated, CRLF, quotes doubled), UTF-8 with a byte-order mark so spreadsheet programs read the
 * Cyrillic right. The tables follow one another, each under a line with its name; amounts are plain decimals with a
 * point.
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

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String text = Report.text(cells.get(i));
            csv.append(text.matches(".*[\",\r\n].*") || text.startsWith("=") || text.startsWith("+") || text.startsWith("@")
                    ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        csv.append("\r\n");
    }
}
