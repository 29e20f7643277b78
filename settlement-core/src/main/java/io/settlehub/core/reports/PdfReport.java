package io.settlehub.core.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.settlehub.contract.Money;
import io.settlehub.core.text.Readable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * PDF (OpenPDF), A4 landscape: the title, what it covers, then each table with its total row in bold. The font is
 * embedded DejaVu Sans when the system has it (Cyrillic names of clients and goods), else Helvetica.
 */
public final class PdfReport {

    private static final String[] FONT_FILES = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf"};

    private PdfReport() {
    }

    public static byte[] write(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(report.title());
            document.open();
            BaseFont base = font();
            Readable readable = new Readable(report.locale(), io.settlehub.contract.BusinessCalendar.ZONE);
            Font title = new Font(base, 14, Font.BOLD);
            Font normal = new Font(base, 8);
            Font bold = new Font(base, 8, Font.BOLD);
            document.add(new Paragraph(report.title(), title));
            for (String about : report.about()) {
                document.add(new Paragraph(about, normal));
            }
            for (Report.Table table : report.tables()) {
                Paragraph name = new Paragraph(table.name(), new Font(base, 11, Font.BOLD));
                name.setSpacingBefore(10);
                name.setSpacingAfter(4);
                document.add(name);
                PdfPTable pdf = new PdfPTable(table.columns().size());
                pdf.setWidthPercentage(100);
                pdf.setHeaderRows(1);
                table.columns().forEach(c -> pdf.addCell(cell(c, bold, false)));
                for (List<Object> row : table.rows()) {
                    row.forEach(c -> pdf.addCell(cell(shown(c, readable), normal, c instanceof Money || c instanceof Integer)));
                }
                if (table.total() != null) {
                    table.total().forEach(c -> pdf.addCell(cell(shown(c, readable), bold, c instanceof Money || c instanceof Integer)));
                }
                document.add(pdf);
            }
            document.close();
            return out.toByteArray();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the PDF of " + report.title(), e);
        }
    }

    /** Amounts as the report's language writes them ("3 144,00"); the CSV and XLSX keep them machine-readable. */
    private static String shown(Object cell, Readable readable) {
        return cell instanceof Money money ? readable.number(money.amount()) : Report.text(cell);
    }

    private static PdfPCell cell(String value, Font font, boolean right) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setPadding(3);
        return cell;
    }

    private static BaseFont font() {
        for (String file : FONT_FILES) {
            if (new java.io.File(file).exists()) {
                try {
                    return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
