package io.settlehub.filedrop.report;

import java.util.Map;

/** One data row of a dropped report: its line number in the file (the header is line 1) and its cells by column header. */
public record ReportRow(int line, Map<String, String> cells) {

    public String cell(String header) {
        String value = header == null ? null : cells.get(header);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
