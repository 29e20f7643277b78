package io.settlehub.core.banks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the central bank's BIK directory, message ED807 of the UFEBS formats ({@code urn:cbr-ru:ed:v2.0}), as the bank
 * publishes it daily: the XML itself (windows-1251, as declared) or the ZIP holding it. Read per entry:
 * {@code BICDirectoryEntry/@BIC}; {@code ParticipantInfo/@NameP}, {@code @DateOut}, {@code @ParticipantStatus} (PSAC
 * active, PSDL marked for deletion) and its restrictions {@code RstrList/@Rstr} (LWRS: licence revoked); the
 * correspondent account is the {@code Accounts/@Account} of type {@code CRSA} whose {@code @AccountStatus} is ACAC.
 * Anything malformed is refused naming the entry and the attribute.
 */
public final class Ed807Reader {

    public static final String NAMESPACE = "urn:cbr-ru:ed:v2.0";
    /** The directory lists about 1,400 participants, with closed ones a few thousand; far more is not a directory. */
    static final int MAX_ENTRIES = 20_000;
    /** The unpacked file is a few megabytes. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private Ed807Reader() {
    }

    public static BankDirectory read(byte[] file) {
        try {
            byte[] xml = isZip(file) ? unzip(file) : file;
            return parse(xml);
        } catch (XMLStreamException e) {
            throw new InvalidDirectoryException("ED807 is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidDirectoryException("ED807 archive cannot be read: " + e.getMessage());
        }
    }

    private static boolean isZip(byte[] file) {
        return file.length > 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /** The archive's one XML file. */
    private static byte[] unzip(byte[] file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
                    return bounded(zip);
                }
            }
        }
        throw new InvalidDirectoryException("the archive holds no .xml file");
    }

    private static byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidDirectoryException("the ED807 file in the archive is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        return bytes;
    }

    private static BankDirectory parse(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader in = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        LocalDate businessDay = null;
        Map<String, BankDirectory.Entry> entries = new LinkedHashMap<>();
        EntryBuilder entry = null;
        while (in.hasNext()) {
            int token = in.next();
            if (token == XMLStreamConstants.START_ELEMENT) {
                String name = in.getLocalName();
                if (businessDay == null && !"ED807".equals(name)) {
                    throw new InvalidDirectoryException("the root element is " + name + ", not ED807");
                }
                switch (name) {
                    case "ED807" -> {
                        if (!NAMESPACE.equals(in.getNamespaceURI())) {
                            throw new InvalidDirectoryException("ED807 is in namespace '" + in.getNamespaceURI() + "', not " + NAMESPACE);
                        }
                        businessDay = date(in, "ED807", "BusinessDay", true);
                    }
                    case "BICDirectoryEntry" -> {
                        String bik = attribute(in, "BICDirectoryEntry", "BIC", true);
                        if (!bik.matches("[0-9]{9}")) {
                            throw new InvalidDirectoryException("BICDirectoryEntry BIC '" + bik + "' is not 9 digits");
                        }
                        entry = new EntryBuilder(bik);
                    }
                    case "ParticipantInfo" -> participant(in, required(entry, name));
                    case "Rstr", "RstrList" -> restriction(in, required(entry, name));
                    case "Accounts" -> account(in, required(entry, name));
                    default -> {
                    }
                }
            } else if (token == XMLStreamConstants.END_ELEMENT && "BICDirectoryEntry".equals(in.getLocalName())) {
                if (entry.name == null) {
                    throw new InvalidDirectoryException("BICDirectoryEntry " + entry.bik + " has no ParticipantInfo");
                }
                if (entries.put(entry.bik, entry.build(businessDay)) != null) {
                    throw new InvalidDirectoryException("BIC " + entry.bik + " is listed twice");
                }
                if (entries.size() > MAX_ENTRIES) {
                    throw new InvalidDirectoryException("more than " + MAX_ENTRIES + " entries");
                }
                entry = null;
            }
        }
        if (businessDay == null) {
            throw new InvalidDirectoryException("no ED807 element");
        }
        if (entries.isEmpty()) {
            throw new InvalidDirectoryException("ED807 of " + businessDay + " lists no BICDirectoryEntry");
        }
        return new BankDirectory(businessDay, entries);
    }

    private static EntryBuilder required(EntryBuilder entry, String element) {
        if (entry == null) {
            throw new InvalidDirectoryException(element + " outside a BICDirectoryEntry");
        }
        return entry;
    }

    private static void participant(XMLStreamReader in, EntryBuilder entry) {
        String where = "ParticipantInfo of BIC " + entry.bik;
        entry.name = attribute(in, where, "NameP", true);
        if (entry.name.length() > 160) {
            throw new InvalidDirectoryException(where + " NameP is longer than 160 characters");
        }
        LocalDate out = date(in, where, "DateOut", false);
        if (out != null) {
            entry.close(out, "left the payment system on " + out);
        }
        String status = attribute(in, where, "ParticipantStatus", false);
        if ("PSDL".equals(status)) {
            entry.close(null, "marked for deletion (PSDL)");
        }
    }

    /** A restriction: RstrList carries Rstr and RstrDate as attributes. LWRS, the licence revoked, closes the BIK. */
    private static void restriction(XMLStreamReader in, EntryBuilder entry) {
        String code = attribute(in, "RstrList of BIC " + entry.bik, "Rstr", false);
        if ("LWRS".equals(code)) {
            LocalDate since = date(in, "RstrList of BIC " + entry.bik, "RstrDate", false);
            entry.close(since, "licence revoked (LWRS)" + (since == null ? "" : " on " + since));
        }
    }

    private static void account(XMLStreamReader in, EntryBuilder entry) {
        String where = "Accounts of BIC " + entry.bik;
        String type = attribute(in, where, "RegulationAccountType", false);
        String status = attribute(in, where, "AccountStatus", false);
        if ("CRSA".equals(type) && !"ACDL".equals(status) && date(in, where, "DateOut", false) == null) {
            String account = attribute(in, where, "Account", true);
            if (!account.matches("[0-9]{20}")) {
                throw new InvalidDirectoryException(where + " Account '" + account + "' is not 20 digits");
            }
            entry.correspondentAccount = account;
        }
    }

    private static String attribute(XMLStreamReader in, String where, String name, boolean required) {
        String value = in.getAttributeValue(null, name);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidDirectoryException(where + " has no " + name);
            }
            return null;
        }
        return value.trim();
    }

    private static LocalDate date(XMLStreamReader in, String where, String name, boolean required) {
        String value = attribute(in, where, name, required);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidDirectoryException(where + " " + name + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static final class EntryBuilder {
        private final String bik;
        private String name;
        private String correspondentAccount;
        private LocalDate closedOn;
        private String closedBecause;
        private boolean closed;

        EntryBuilder(String bik) {
            this.bik = bik;
        }

        void close(LocalDate on, String because) {
            if (!closed) {
                closed = true;
                closedOn = on;
                closedBecause = because;
            }
        }

        BankDirectory.Entry build(LocalDate businessDay) {
            return new BankDirectory.Entry(bik, name, correspondentAccount, closed ? (closedOn == null ? businessDay : closedOn) : null,
                    closed ? closedBecause : null);
        }
    }

    /** A file that is not a BIK directory this reader can trust; the message names the entry and attribute. */
    public static final class InvalidDirectoryException extends io.settlehub.contract.InvalidMessageException {
        public InvalidDirectoryException(String message) {
            super("ED807", message);
        }
    }
}
