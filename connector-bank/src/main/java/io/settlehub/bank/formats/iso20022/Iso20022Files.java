package io.settlehub.bank.formats.iso20022;

import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What every ISO 20022 file the bank sends goes through: which message it is (its namespace), and validation
 * against the official XSD by a parser that refuses any doctype, so no entity is declared or expanded.
 */
public final class Iso20022Files {

    public static final String CAMT_053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    /** Earlier camt.053 versions banks still send, read without a bundled XSD (Camt053Reader). */
    public static final java.util.List<String> CAMT_053_EARLIER = java.util.List.of("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.04", "urn:iso:std:iso:20022:tech:xsd:camt.053.001.05");
    /** Intraday account reports (camt.052), read as statements are, without a bundled XSD. */
    public static final java.util.List<String> CAMT_052 = java.util.List.of("urn:iso:std:iso:20022:tech:xsd:camt.052.001.05",
            "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08");
    public static final String PAIN_002 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";
    /** The earlier status report version banks still send, read without a bundled XSD (Pain002Reader). */
    public static final String PAIN_002_03 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";

    private Iso20022Files() {
    }

    /** Whether the namespace is one of the pain.002 versions read. */
    public static boolean isPain002(String namespace) {
        return PAIN_002.equals(namespace) || PAIN_002_03.equals(namespace);
    }

    /** Whether the namespace is one of the camt.052 (intraday account report) versions read. */
    public static boolean isCamt052(String namespace) {
        return CAMT_052.contains(namespace);
    }

    /** Whether the namespace is one of the camt.053 versions read. */
    public static boolean isCamt053(String namespace) {
        return CAMT_053.equals(namespace) || CAMT_053_EARLIER.contains(namespace);
    }

    public static Schema schema(String resource) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(Iso20022Files.class.getResource(resource));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + resource, e);
        }
    }

    /** The namespace of the document's root element: which message this is. */
    public static String messageOf(Path file) {
        String name = file.getFileName().toString();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        return xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                    }
                }
                throw new InvalidStatementException(name + " has no root element");
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidStatementException(name + " is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidStatementException(name + " cannot be read: " + e.getMessage());
        }
    }

    public static void validate(Path file, Schema schema, String schemaName) {
        String name = file.getFileName().toString();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            SAXParserFactory parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.validate(new SAXSource(parsers.newSAXParser().getXMLReader(), new InputSource(file.toUri().toString())));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException e) {
            throw new InvalidStatementException(name + " does not validate against " + schemaName + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidStatementException(name + " cannot be read: " + e.getMessage());
        }
    }
}
