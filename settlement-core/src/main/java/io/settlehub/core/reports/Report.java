package io.settlehub.core.reports;

import io.settlehub.contract.Money;
import java.util.List;

/**
 * A report as data, before any file format: a title, lines that say what it covers, and tables whose cells are text or
 * money. The CSV, XLSX and PDF writers render the same report, so the three files always hold the same figures; the
 * locale is the language its text is in (the PDF writes amounts as that language does).
 */
public record Report(String title, List<String> about, List<Table> tables, java.util.Locale locale) {

    /** A report in Russian, the hub's first language. */
    public Report(String title, List<String> about, List<Table> tables) {
        this(title, about, tables, io.settlehub.core.text.Readable.RUSSIAN);
    }

    /** A table; {@code total}, when present, is its last row, set apart. */
    public record Table(String name, List<String> columns, List<List<Object>> rows, List<Object> total) {

        public Table {
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells under " + columns.size() + " columns");
                }
                row.forEach(Table::check);
            }
        }

        private static void check(Object cell) {
            if (cell != null && !(cell instanceof String) && !(cell instanceof Money) && !(cell instanceof Integer)) {
                throw new IllegalArgumentException("a report cell is text, a whole number or money, not " + cell.getClass().getSimpleName());
            }
        }
    }

    /** What a cell shows as text: money as its plain decimal (currency in the column or next to it). */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof Money money ? money.plain() : cell.toString();
    }
}
