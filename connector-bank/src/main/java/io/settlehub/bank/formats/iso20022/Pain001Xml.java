package io.settlehub.bank.formats.iso20022;

import io.settlehub.contract.PaymentInstruction;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** What every pain.001 version the hub writes shares: the document's frame, the group header's counts, the elements' text. */
final class Pain001Xml {

    private Pain001Xml() {
    }

    /**
     * Starts the document in {@code namespace} up to an open {@code GrpHdr} holding the message id, creation time, number of
     * transactions and control sum; the caller writes the initiating party and closes the header.
     */
    static XMLStreamWriter start(StringWriter out, String namespace, String messageId, String createdAt, int transactions,
                                 BigDecimal total) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("Document");
        xml.writeDefaultNamespace(namespace);
        xml.writeStartElement("CstmrCdtTrfInitn");
        xml.writeStartElement("GrpHdr");
        text(xml, "MsgId", messageId);
        text(xml, "CreDtTm", createdAt);
        text(xml, "NbOfTxs", String.valueOf(transactions));
        text(xml, "CtrlSum", total.toPlainString());
        return xml;
    }

    /** Closes {@code CstmrCdtTrfInitn} and the document. */
    static void finish(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    static BigDecimal total(List<PaymentInstruction> instructions) {
        return instructions.stream().map(i -> i.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** At most {@code max} characters (ISO's MaxNText). */
    static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
