package io.settlehub.carrier.partner.customs;

import io.settlehub.connector.support.PartnerFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the customs broker's declaration file: CSV (one row per SKU line; header {@code declaration_number, date,
 * receipt_id, revision, currency, sku, quantity, customs_value, duty, vat, fees}; delimiter {@code ;} or {@code ,})
 * or XML ({@code <CustomsDeclaration number date receipt revision currency>} with {@code <Line sku quantity
 * customsValue duty vat fees/>}, one or more under any root). A value that is missing or malformed fails the whole file,
 * naming the file, the line or element, and the field: a declaration is applied whole or not at all.
 */
public final class DeclarationFileReader {

    static final List<String> COLUMNS = List.of("declaration_number", "date", "receipt_id", "revision", "currency", "sku", "quantity",
            "customs_value", "duty", "vat", "fees");

    private DeclarationFileReader() {
    }

    /** A declaration file is read whole; a broker's file of a few thousand lines is far below this. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    public static List<Declaration> read(String fileName, InputStream input) {
        InputStream content = bounded(fileName, input);
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return csv(fileName, content);
        }
        if (lower.endsWith(".xml")) {
            return xml(fileName, content);
        }
        throw new PartnerFormatException(fileName + ": only .csv and .xml declaration files are read");
    }

    private static InputStream bounded(String fileName, InputStream input) {
        try {
            byte[] bytes = input.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new PartnerFormatException(fileName + " is larger than " + MAX_FILE_BYTES + " bytes; not read");
            }
            return new java.io.ByteArrayInputStream(bytes);
        } catch (IOException e) {
            throw new PartnerFormatException(fileName + " cannot be read: " + e.getMessage());
        }
    }

    private static List<Declaration> csv(String fileName, InputStream content) {
        try (Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8)) {
            String text = new String(readAll(reader)).replace("\ufeff", "");
            char delimiter = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.parse(text, format)) {
                List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
                if (!missing.isEmpty()) {
                    throw new PartnerFormatException(fileName + ": the header has no column " + missing + " (columns found: "
                            + parser.getHeaderNames() + ")");
                }
                Map<String, Builder> declarations = new LinkedHashMap<>();
                for (CSVRecord row : parser) {
                    String where = fileName + " line " + (row.getRecordNumber() + 1);
                    Fields f = name -> row.get(name);
                    String number = required(f, "declaration_number", where);
                    Builder builder = declarations.computeIfAbsent(number, n -> new Builder(n, date(f, "date", where),
                            required(f, "receipt_id", where), integer(f, "revision", where), required(f, "currency", where), where));
                    builder.lines.add(line(f, where));
                }
                return declarations.values().stream().map(Builder::build).toList();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PartnerFormatException(fileName + " is not a readable CSV declaration file: " + e.getMessage());
        }
    }

    private static List<Declaration> xml(String fileName, InputStream content) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(content);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PartnerFormatException(fileName + " is not a readable XML declaration file: " + e.getMessage());
        }
        NodeList nodes = document.getElementsByTagName("CustomsDeclaration");
        if (nodes.getLength() == 0) {
            throw new PartnerFormatException(fileName + ": no <CustomsDeclaration> element");
        }
        List<Declaration> declarations = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            String where = fileName + " <CustomsDeclaration> #" + (i + 1);
            Fields d = element::getAttribute;
            Builder builder = new Builder(required(d, "number", where), date(d, "date", where), required(d, "receipt", where),
                    element.hasAttribute("revision") ? integer(d, "revision", where) : 0, required(d, "currency", where), where);
            NodeList lines = element.getElementsByTagName("Line");
            for (int j = 0; j < lines.getLength(); j++) {
                Element line = (Element) lines.item(j);
                String at = where + " <Line> #" + (j + 1);
                Fields l = line::getAttribute;
                builder.lines.add(new Declaration.Line(required(l, "sku", at), integer(l, "quantity", at), amount(l, "customsValue", at),
                        amount(l, "duty", at), amount(l, "vat", at), amount(l, "fees", at)));
            }
            declarations.add(builder.build());
        }
        return declarations;
    }

    private static Declaration.Line line(Fields f, String where) {
        return new Declaration.Line(required(f, "sku", where), integer(f, "quantity", where), amount(f, "customs_value", where),
                amount(f, "duty", where), amount(f, "vat", where), amount(f, "fees", where));
    }

    @FunctionalInterface
    private interface Fields {
        String get(String name);
    }

    private static final class Builder {
        final String number;
        final LocalDate date;
        final String receiptId;
        final int revision;
        final String currency;
        final String source;
        final List<Declaration.Line> lines = new ArrayList<>();

        Builder(String number, LocalDate date, String receiptId, int revision, String currency, String source) {
            this.number = number;
            this.date = date;
            this.receiptId = receiptId;
            this.revision = revision;
            this.currency = currency;
            this.source = source;
        }

        Declaration build() {
            if (lines.isEmpty()) {
                throw new PartnerFormatException(source + ": declaration " + number + " has no lines");
            }
            return new Declaration(number, date, receiptId, revision, currency, List.copyOf(lines), source);
        }
    }

    private static String required(Fields fields, String name, String where) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new PartnerFormatException(where + ": " + name + " is empty");
        }
        return value.trim();
    }

    private static int integer(Fields fields, String name, String where) {
        String text = required(fields, name, where);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new PartnerFormatException(where + ": " + name + " is not a whole number: '" + text + "'");
        }
    }

    private static BigDecimal amount(Fields fields, String name, String where) {
        String text = required(fields, name, where);
        try {
            return new BigDecimal(text.replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new PartnerFormatException(where + ": " + name + " is not an amount: '" + text + "'");
        }
    }

    private static LocalDate date(Fields fields, String name, String where) {
        String text = required(fields, name, where);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PartnerFormatException(where + ": " + name + " is not a date (yyyy-MM-dd): '" + text + "'");
        }
    }

    private static char[] readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = reader.read(buffer)) > 0) {
            out.append(buffer, 0, n);
        }
        return out.toString().toCharArray();
    }
}
