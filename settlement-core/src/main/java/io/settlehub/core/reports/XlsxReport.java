package io.settlehub.core.reports;

import io.settlehub.contract.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * XLSX (Apache POI), one sheet per table, the title and what it covers above. Amounts are numeric cells formatted with
 * the currency's decimals, so they add up in the spreadsheet; the file format stores numbers as binary doubles, which
 * hold every amount below 10^13 to the exact kopeck (the tests read each cell back to the API's decimal).
 */
public final class XlsxReport {

    private XlsxReport() {
    }

    public static byte[] write(Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle moneyBold = workbook.createCellStyle();
            moneyBold.cloneStyleFrom(money);
            moneyBold.setFont(boldFont);
            for (Report.Table table : report.tables()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
                int r = 0;
                sheet.createRow(r++).createCell(0).setCellValue(report.title());
                for (String about : report.about()) {
                    sheet.createRow(r++).createCell(0).setCellValue(about);
                }
                r++;
                Row header = sheet.createRow(r++);
                for (int c = 0; c < table.columns().size(); c++) {
                    header.createCell(c).setCellValue(table.columns().get(c));
                    header.getCell(c).setCellStyle(bold);
                }
                for (var cells : table.rows()) {
                    fill(sheet.createRow(r++), cells, money, null);
                }
                if (table.total() != null) {
                    fill(sheet.createRow(r), table.total(), moneyBold, bold);
                }
                for (int c = 0; c < table.columns().size(); c++) {
                    sheet.autoSizeColumn(c);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Row row, java.util.List<Object> cells, CellStyle money, CellStyle text) {
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            var target = row.createCell(c);
            if (cell instanceof Money amount) {
                target.setCellValue(amount.amount().doubleValue());
                target.setCellStyle(money);
            } else if (cell instanceof Integer whole) {
                target.setCellValue(whole);
            } else {
                target.setCellValue(Report.text(cell));
                if (text != null) {
                    target.setCellStyle(text);
                }
            }
        }
    }
}
