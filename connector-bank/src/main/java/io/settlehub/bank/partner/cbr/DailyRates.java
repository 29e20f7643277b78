package io.settlehub.bank.partner.cbr;

import io.settlehub.connector.support.PartnerFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The central bank's daily rates ({@code XML_daily.asp}): {@code <ValCurs Date="dd.MM.yyyy">} with one
 * {@code <Valute>} per currency — {@code CharCode}, {@code Nominal}, {@code Value} (for Nominal units) and, in newer
 * files, {@code VunitRate} (for one unit), decimals with a comma. The file declares its encoding (windows-1251); the
 * parser honours it. {@code date} is the day the rates were set, which may be earlier than the day asked for.
 */
public record DailyRates(LocalDate date, List<Rate> rates) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Roubles for one unit of the currency. */
    public record Rate(String charCode, int nominal, BigDecimal perUnit) {
    }

    public static DailyRates parse(byte[] xml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PartnerFormatException("cbr daily rates are not readable XML: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!"ValCurs".equals(root.getTagName())) {
            throw new PartnerFormatException("cbr daily rates: the root is <" + root.getTagName() + ">, not <ValCurs>");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(root.getAttribute("Date"), DATE);
        } catch (DateTimeParseException e) {
            throw new PartnerFormatException("cbr daily rates: ValCurs@Date is not dd.MM.yyyy: '" + root.getAttribute("Date") + "'");
        }
        List<Rate> rates = new ArrayList<>();
        NodeList valutes = root.getElementsByTagName("Valute");
        for (int i = 0; i < valutes.getLength(); i++) {
            Element valute = (Element) valutes.item(i);
            String code = text(valute, "CharCode");
            try {
                int nominal = Integer.parseInt(text(valute, "Nominal"));
                String unit = text(valute, "VunitRate");
                // as published when the file gives the unit rate; divided (and without trailing zeros) when only Value is given
                BigDecimal perUnit = unit != null ? decimal(unit)
                        : decimal(text(valute, "Value")).divide(BigDecimal.valueOf(nominal), MathContext.DECIMAL64).stripTrailingZeros();
                if (perUnit.signum() <= 0) {
                    throw new PartnerFormatException("cbr daily rates of " + date + ": " + code + " has a rate that is not positive: " + perUnit);
                }
                rates.add(new Rate(code, nominal, perUnit));
            } catch (NumberFormatException | NullPointerException e) {
                throw new PartnerFormatException("cbr daily rates of " + date + ": " + code + " has no readable Nominal/Value");
            }
        }
        return new DailyRates(date, rates);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static BigDecimal decimal(String text) {
        return new BigDecimal(text.replace(" ", "").replace(',', '.'));
    }
}
