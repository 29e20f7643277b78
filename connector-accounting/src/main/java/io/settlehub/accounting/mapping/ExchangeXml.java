package io.settlehub.accounting.mapping;

import io.settlehub.contract.EventCodec;
import io.settlehub.connector.support.state.FileNames;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A hub accounting document as an XML file for installations without OData: the document's own fields, element for
 * element (arrays as repeated {@code <item>}), under {@code <accountingDocument documentId version type>} in the namespace
 * {@code urn:settlehub:accounting-document:1}. The 1C side loads it with a processing of its own (docs/partners/1c-odata.md).
 */
public final class ExchangeXml {

    public static final String NAMESPACE = "urn:settlehub:accounting-document:1";

    private ExchangeXml() {
    }

    /** The file name: the document id made safe, and the version ({@code agent-report_acme_2026-10_RUB-v2.xml}). */
    public static String fileName(HubDocument document) {
        return FileNames.safe(document.clientId()) + "/" + FileNames.safe(document.documentId()) + "-v" + document.version() + ".xml";
    }

    public static String render(String json) {
        try {
            JsonNode document = EventCodec.mapper().readTree(json);
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("accountingDocument");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("documentId", document.path("documentId").asText());
            xml.writeAttribute("version", document.path("version").asText());
            xml.writeAttribute("type", document.path("type").asText());
            writeFields(xml, document);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the exchange XML", e);
        }
    }

    private static void writeFields(XMLStreamWriter xml, JsonNode object) throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            write(xml, field.getKey(), field.getValue());
        }
    }

    private static void write(XMLStreamWriter xml, String name, JsonNode value) throws XMLStreamException {
        xml.writeStartElement(name);
        if (value.isObject()) {
            writeFields(xml, value);
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                write(xml, "item", item);
            }
        } else {
            xml.writeCharacters(value.asText());
        }
        xml.writeEndElement();
    }
}
