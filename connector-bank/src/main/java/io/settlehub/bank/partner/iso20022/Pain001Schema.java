package io.settlehub.bank.partner.iso20022;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** The official pain.001.001.09 XSD: every file is checked against it before it leaves. */
public final class Pain001Schema {

    private static final Schema SCHEMA = load();

    private Pain001Schema() {
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(Pain001Schema.class.getResource("/iso20022/pain.001.001.09.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the pain.001.001.09 schema", e);
        }
    }

    /** Throws {@link InvalidPaymentFileException} naming the first schema violation. */
    public static void validate(String xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new InvalidPaymentFileException("pain.001 does not validate against pain.001.001.09.xsd: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payment file that breaks the schema: the instruction behind it cannot be sent as it is. */
    public static final class InvalidPaymentFileException extends RuntimeException {
        public InvalidPaymentFileException(String message) {
            super(message);
        }
    }
}
