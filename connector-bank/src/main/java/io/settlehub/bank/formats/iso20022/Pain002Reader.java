package io.settlehub.bank.formats.iso20022;

import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
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
 * Reads a payment status report, {@code pain.002.001.10} (validated against the official XSD) or {@code pain.002.001.03}
 * (what many banks still send; no XSD is bundled, so what the hub reads is required instead): the status of each
 * transaction ({@code TxInfAndSts}: original end-to-end id, {@code TxSts}, reason code and text), or, when the report
 * only has a group status, that status for the original message — whose id is our instruction id. The two versions
 * name these elements alike.
 */
public final class Pain002Reader {

    private static final Schema SCHEMA = Iso20022Files.schema("/iso20022/pain.002.001.10.xsd");

    private Pain002Reader() {
    }

    /**
     * One instruction's status as the bank reports it; {@code instructionId} is the original {@code InstrId} when the
     * report repeats it (the Russian host-to-host profile's EndToEndId is the payment order number, its InstrId ours).
     */
    public record TransactionStatus(String reportId, String endToEndId, String status, String reasonCode, String reasonText,
                                    String instructionId) {

        public TransactionStatus(String reportId, String endToEndId, String status, String reasonCode, String reasonText) {
            this(reportId, endToEndId, status, reasonCode, reasonText, null);
        }
    }

    public static List<TransactionStatus> read(Path file) {
        String name = file.getFileName().toString();
        String ns = Iso20022Files.messageOf(file);
        if (ns.equals(Iso20022Files.PAIN_002)) {
            Iso20022Files.validate(file, SCHEMA, "pain.002.001.10.xsd");
        } else if (!ns.equals(Iso20022Files.PAIN_002_03)) {
            throw new InvalidStatementException(name + " is not a pain.002 status report of a version read here (.001.03, .001.10):"
                    + " namespace '" + ns + "'");
        }
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
        String reportId = required(name, text(ns, document.getDocumentElement(), "MsgId"), "GrpHdr/MsgId");
        List<TransactionStatus> statuses = new ArrayList<>();
        NodeList transactions = document.getElementsByTagNameNS(ns, "TxInfAndSts");
        for (int i = 0; i < transactions.getLength(); i++) {
            Element tx = (Element) transactions.item(i);
            statuses.add(new TransactionStatus(reportId, required(name, text(ns, tx, "OrgnlEndToEndId"), "TxInfAndSts/OrgnlEndToEndId"),
                    required(name, text(ns, tx, "TxSts"), "TxInfAndSts/TxSts"), reasonCode(ns, tx), text(ns, tx, "AddtlInf"),
                    text(ns, tx, "OrgnlInstrId")));
        }
        if (statuses.isEmpty()) {
            Element group = (Element) document.getElementsByTagNameNS(ns, "OrgnlGrpInfAndSts").item(0);
            if (group == null) {
                throw new InvalidStatementException(name + " has neither TxInfAndSts nor OrgnlGrpInfAndSts");
            }
            statuses.add(new TransactionStatus(reportId, required(name, text(ns, group, "OrgnlMsgId"), "OrgnlGrpInfAndSts/OrgnlMsgId"),
                    required(name, text(ns, group, "GrpSts"), "OrgnlGrpInfAndSts/GrpSts"), reasonCode(ns, group), text(ns, group, "AddtlInf")));
        }
        return statuses;
    }

    private static String required(String file, String value, String element) {
        if (value == null || value.isEmpty()) {
            throw new InvalidStatementException(file + " has no " + element);
        }
        return value;
    }

    private static String reasonCode(String ns, Element parent) {
        Element reason = first(ns, parent, "Rsn");
        return reason == null ? null : text(ns, reason, reason.getElementsByTagNameNS(ns, "Cd").getLength() > 0 ? "Cd" : "Prtry");
    }

    private static Element first(String ns, Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, tag);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(String ns, Element parent, String tag) {
        Node node = first(ns, parent, tag);
        return node == null ? null : node.getTextContent().trim();
    }
}
