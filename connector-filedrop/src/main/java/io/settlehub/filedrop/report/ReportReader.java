package io.settlehub.filedrop.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a report's rows — CSV (delimiter and charset of the platform, a byte-order mark ignored) or XLSX (the first
 * sheet, cells as they are displayed) — and checks first that the header has every column the mapping names.
 */
public final class ReportReader {

    private ReportReader() {
    }

    public static void read(String fileName, InputStream content, String delimiter, Charset charset, Collection<String> requiredColumns,
                            Consumer<ReportRow> rows) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".csv")) {
            readCsv(fileName, content, delimiter, charset, requiredColumns, rows);
        } else if (lower.endsWith(".xlsx")) {
            readXlsx(fileName, content, requiredColumns, rows);
        } else {
            throw new ReportFormatException(fileName + ": only .csv and .xlsx reports are read");
        }
    }

    private static void readCsv(String fileName, InputStream content, String delimiter, Charset charset, Collection<String> required,
                                Consumer<ReportRow> rows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new InputStreamReader(skipBom(content), charset); CSVParser parser = CSVParser.parse(reader, format)) {
            requireColumns(fileName, parser.getHeaderNames(), required);
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (String header : parser.getHeaderNames()) {
                    cells.put(header, record.isSet(header) ? record.get(header) : null);
                }
                rows.accept(new ReportRow((int) record.getRecordNumber() + 1, cells));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ReportFormatException(fileName + " is not a readable CSV report: " + e.getMessage(), e);
        }
    }

    private static void readXlsx(String fileName, InputStream content, Collection<String> required, Consumer<ReportRow> rows) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        try (XSSFWorkbook workbook = new XSSFWorkbook(content)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                throw new ReportFormatException(fileName + ": the first sheet is empty");
            }
            List<String> headers = new ArrayList<>();
            for (Cell cell : headerRow) {
                headers.add(formatter.formatCellValue(cell).trim());
            }
            requireColumns(fileName, headers, required);
            for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < headers.size(); c++) {
                    String value = formatter.formatCellValue(row.getCell(c)).trim();
                    cells.put(headers.get(c), value);
                    empty &= value.isEmpty();
                }
                if (!empty) {
                    rows.accept(new ReportRow(r + 1, cells));
                }
            }
        } catch (IOException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new ReportFormatException(fileName + " is not a readable XLSX report: " + e.getMessage(), e);
        }
    }

    private static void requireColumns(String fileName, Collection<String> headers, Collection<String> required) {
        List<String> missing = required.stream().filter(column -> !headers.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new ReportFormatException(fileName + ": the header has no column " + String.join(", ", missing.stream()
                    .map(m -> "'" + m + "'").toList()) + " that the platform's mapping names (columns found: " + headers + ")");
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            pushback.unread(head);
        }
        return pushback;
    }
}
