package io.settlehub.bank.formats.iso20022;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The schemas every payment file is checked against before it leaves: the official pain.001.001.09 XSD, and for the
 * Russian host-to-host profile the structure of pain.001.001.06 (see that file's header for where it comes from).
 */
public final class Pain001Schema {

    private static final Schema V09 = load("pain.001.001.09.xsd");
    private static final Schema V06 = load("pain.001.001.06.xsd");

    private Pain001Schema() {
    }

    private static Schema load(String file) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(Pain001Schema.class.getResource("/iso20022/" + file));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the " + file + " schema", e);
        }
    }

    /** Throws {@link InvalidPaymentFileException} naming the first violation of pain.001.001.09. */
    public static void validate(String xml) {
        validate(V09, "pain.001.001.09.xsd", xml);
    }

    /** Throws {@link InvalidPaymentFileException} naming the first violation of pain.001.001.06. */
    public static void validateV06(String xml) {
        validate(V06, "pain.001.001.06.xsd", xml);
    }

    private static void validate(Schema schema, String name, String xml) {
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new InvalidPaymentFileException("pain.001 does not validate against " + name + ": " + e.getMessage());
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
