package io.settlehub.bank.partner.iso20022;

import io.settlehub.bank.partner.iso20022.Camt053Reader.InvalidStatementException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.validation.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a {@code pain.002.001.10} payment status report (validated against the official XSD): the status of each
 * transaction ({@code TxInfAndSts}: original end-to-end id, {@code TxSts}, reason code and text), or, when the report
 * only has a group status, that status for the original message — whose id is our instruction id.
 */
public final class Pain002Reader {

    private static final Schema SCHEMA = Iso20022Files.schema("/iso20022/pain.002.001.10.xsd");

    private Pain002Reader() {
    }

    /** One instruction's status as the bank reports it. */
    public record TransactionStatus(String reportId, String endToEndId, String status, String reasonCode, String reasonText) {
    }

    public static List<TransactionStatus> read(Path file) {
        String name = file.getFileName().toString();
        Iso20022Files.validate(file, SCHEMA, "pain.002.001.10.xsd");
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new InvalidStatementException(name + " cannot be read: " + e.getMessage());
        }
        String reportId = text(document.getDocumentElement(), "MsgId");
        List<TransactionStatus> statuses = new ArrayList<>();
        NodeList transactions = document.getElementsByTagNameNS(Iso20022Files.PAIN_002, "TxInfAndSts");
        for (int i = 0; i < transactions.getLength(); i++) {
            Element tx = (Element) transactions.item(i);
            statuses.add(new TransactionStatus(reportId, text(tx, "OrgnlEndToEndId"), text(tx, "TxSts"), reasonCode(tx), text(tx, "AddtlInf")));
        }
        if (statuses.isEmpty()) {
            Element group = (Element) document.getElementsByTagNameNS(Iso20022Files.PAIN_002, "OrgnlGrpInfAndSts").item(0);
            statuses.add(new TransactionStatus(reportId, text(group, "OrgnlMsgId"), text(group, "GrpSts"), reasonCode(group),
                    text(group, "AddtlInf")));
        }
        return statuses;
    }

    private static String reasonCode(Element parent) {
        Element reason = first(parent, "Rsn");
        return reason == null ? null : text(reason, reason.getElementsByTagNameNS(Iso20022Files.PAIN_002, "Cd").getLength() > 0 ? "Cd" : "Prtry");
    }

    private static Element first(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS(Iso20022Files.PAIN_002, tag);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Element parent, String tag) {
        Node node = first(parent, tag);
        return node == null ? null : node.getTextContent().trim();
    }
}
