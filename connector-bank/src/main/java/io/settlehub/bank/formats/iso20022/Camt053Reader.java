package io.settlehub.bank.formats.iso20022;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;

/**
 * Reads a camt.053 bank-to-customer statement of version {@code .001.08}, {@code .001.05}, {@code .001.04} or
 * {@code .001.02} (what banks still send; .001.05 is what Russian host-to-host channels send), or a camt.052 intraday
 * account report ({@code .001.05}, {@code .001.08}), whose entries are a statement's: first checked whole — {@code .001.08} against the official XSD, the older versions by a first streaming
 * pass that requires what the hub reads of each entry — then read entry by entry with a streaming parser, so a
 * statement of any size is never held whole and a broken one yields no entry. The versions differ, in what the hub
 * reads, only in the entry status ({@code Sts/Cd} in .08, a bare code before) and the related parties ({@code Dbtr/Pty/Nm}
 * in .08, {@code Dbtr/Nm} before). The remittance is the unstructured text and the structured creditor references
 * ({@code RmtInf/Strd/CdtrRefInf/Ref}, {@code AddtlRmtInf}). Doctypes and external entities are refused by every pass
 * (an XML bomb or an external entity fails the file).
 */
public final class Camt053Reader {

    private static final Schema SCHEMA = Iso20022Files.schema("/iso20022/camt.053.001.08.xsd");

    private Camt053Reader() {
    }

    /** A statement that cannot be read as camt.053: the message names why and where. */
    public static final class InvalidStatementException extends RuntimeException {
        public InvalidStatementException(String message) {
            super(message);
        }
    }

    public static void read(Path file, Consumer<StatementEntry> entries) {
        String name = file.getFileName().toString();
        String version = Iso20022Files.messageOf(file);
        boolean statusInCd = version.equals(Iso20022Files.CAMT_053) || version.endsWith("camt.052.001.08");
        if (version.equals(Iso20022Files.CAMT_053)) {
            Iso20022Files.validate(file, SCHEMA, "camt.053.001.08.xsd");
        } else if (Iso20022Files.CAMT_053_EARLIER.contains(version) || Iso20022Files.isCamt052(version)) {
            pass(file, name, statusInCd, entry -> { });
        } else {
            throw new InvalidStatementException(name + " is not a camt.053 statement (.001.02, .001.04, .001.05, .001.08) or camt.052"
                    + " account report (.001.05, .001.08) read here: namespace '" + version + "'");
        }
        pass(file, name, statusInCd, entries);
    }

    private static void pass(Path file, String name, boolean statusInCd, Consumer<StatementEntry> entries) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                parse(xml, name, statusInCd, entries);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidStatementException(name + " is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidStatementException(name + " cannot be read: " + e.getMessage());
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** Walks the document keeping the element path; an entry is complete at its closing {@code Ntry}. */
    private static void parse(XMLStreamReader xml, String name, boolean statusInCd, Consumer<StatementEntry> entries)
            throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        String statementId = null;
        String account = null;
        Entry entry = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                path.push(xml.getLocalName());
                String at = unwrapped(joined(path), statusInCd);
                if (at.endsWith("Stmt/Ntry")) {
                    entry = new Entry();
                } else if (entry != null && at.endsWith("Ntry/Amt")) {
                    entry.currency = xml.getAttributeValue(null, "Ccy");
                    entry.amount = text(xml, path);
                } else {
                    String value = null;
                    if (at.endsWith("Stmt/Id") || at.endsWith("Stmt/Acct/Id/Othr/Id") || at.endsWith("Stmt/Acct/Id/IBAN")
                            || entry != null && isEntryField(at)) {
                        value = text(xml, path);
                    }
                    if (value == null) {
                        continue;
                    }
                    if (at.endsWith("Stmt/Id")) {
                        statementId = value;
                    } else if (at.endsWith("Stmt/Acct/Id/Othr/Id") || at.endsWith("Stmt/Acct/Id/IBAN")) {
                        account = value;
                    } else {
                        entry.set(at, value);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String closing = unwrapped(joined(path), statusInCd);
                path.pop();
                if (closing.endsWith("Stmt/Ntry") && entry != null) {
                    entries.accept(entry.toEntry(statementId, account, name));
                    entry = null;
                }
            }
        }
    }

    /**
     * The path as the hub reads it, whatever the version: .08's party wrapper ({@code Dbtr/Pty/Nm}) read as the earlier
     * versions' {@code Dbtr/Nm}, the earlier versions' bare status code ({@code Ntry/Sts}) as .08's {@code Ntry/Sts/Cd}, and an
     * account report's {@code BkToCstmrAcctRpt/Rpt} (camt.052) as a statement's {@code BkToCstmrStmt/Stmt}.
     */
    private static String unwrapped(String at, boolean statusInCd) {
        String path = at.replace("/BkToCstmrAcctRpt/Rpt", "/BkToCstmrStmt/Stmt").replace("/Dbtr/Pty/", "/Dbtr/").replace("/Cdtr/Pty/", "/Cdtr/");
        return !statusInCd && path.endsWith("Ntry/Sts") ? path + "/Cd" : path;
    }

    private static boolean isEntryField(String at) {
        return at.endsWith("Ntry/NtryRef") || at.endsWith("Ntry/CdtDbtInd") || at.endsWith("Ntry/Sts/Cd") || at.endsWith("Ntry/BookgDt/Dt")
                || at.endsWith("Ntry/BookgDt/DtTm") || at.endsWith("Ntry/AcctSvcrRef") || at.endsWith("TxDtls/Refs/EndToEndId")
                || at.endsWith("RltdPties/Dbtr/Nm") || at.endsWith("RltdPties/Cdtr/Nm")
                || at.endsWith("RltdPties/Dbtr/Id/OrgId/Othr/Id") || at.endsWith("RltdPties/Cdtr/Id/OrgId/Othr/Id")
                || at.endsWith("TxDtls/RmtInf/Ustrd") || at.endsWith("RmtInf/Strd/CdtrRefInf/Ref") || at.endsWith("RmtInf/Strd/AddtlRmtInf");
    }

    /** Reads an element's text; the element's end is consumed, so the path is popped here. */
    private static String text(XMLStreamReader xml, Deque<String> path) throws XMLStreamException {
        String value = xml.getElementText().trim();
        path.pop();
        return value;
    }

    private static String joined(Deque<String> path) {
        StringBuilder out = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            out.append('/').append(it.next());
        }
        return out.toString();
    }

    private static final class Entry {
        String ref;
        String servicerRef;
        String amount;
        String currency;
        String creditDebit;
        String status;
        String bookedOn;
        String endToEndId;
        String debtorName;
        String creditorName;
        String debtorTaxId;
        String creditorTaxId;
        String remittance;

        void set(String at, String value) {
            if (at.endsWith("Ntry/NtryRef")) {
                ref = value;
            } else if (at.endsWith("Ntry/AcctSvcrRef")) {
                servicerRef = value;
            } else if (at.endsWith("Ntry/CdtDbtInd")) {
                creditDebit = value;
            } else if (at.endsWith("Ntry/Sts/Cd")) {
                status = value;
            } else if (at.endsWith("Ntry/BookgDt/Dt")) {
                bookedOn = value;
            } else if (at.endsWith("Ntry/BookgDt/DtTm")) {
                bookedOn = OffsetDateTime.parse(value).atZoneSameInstant(io.settlehub.contract.BusinessCalendar.ZONE).toLocalDate().toString();
            } else if (at.endsWith("Refs/EndToEndId") && endToEndId == null) {
                endToEndId = value;
            } else if (at.endsWith("Dbtr/Nm")) {
                debtorName = value;
            } else if (at.endsWith("Cdtr/Nm")) {
                creditorName = value;
            } else if (at.endsWith("Dbtr/Id/OrgId/Othr/Id")) {
                debtorTaxId = value;
            } else if (at.endsWith("Cdtr/Id/OrgId/Othr/Id")) {
                creditorTaxId = value;
            } else if (at.endsWith("RmtInf/Ustrd") || at.endsWith("CdtrRefInf/Ref") || at.endsWith("Strd/AddtlRmtInf")) {
                remittance = remittance == null ? value : remittance + " " + value;
            }
        }

        StatementEntry toEntry(String statementId, String account, String file) {
            boolean credit = "CRDT".equals(creditDebit);
            String reference = ref != null ? ref : servicerRef;
            if (reference == null) {
                throw new InvalidStatementException(file + ": an entry of statement " + statementId + " has neither NtryRef nor AcctSvcrRef");
            }
            String entry = file + ": entry " + reference + " of statement " + statementId;
            if (amount == null || currency == null || currency.isBlank()) {
                throw new InvalidStatementException(entry + " has no Amt with its Ccy");
            }
            if (!credit && !"DBIT".equals(creditDebit)) {
                throw new InvalidStatementException(entry + ": CdtDbtInd is '" + creditDebit + "', neither CRDT nor DBIT");
            }
            if (status == null) {
                throw new InvalidStatementException(entry + " has no Sts");
            }
            BigDecimal value;
            try {
                value = new BigDecimal(amount);
            } catch (NumberFormatException e) {
                throw new InvalidStatementException(entry + ": Amt is not an amount: '" + amount + "'");
            }
            return new StatementEntry(statementId, account, reference, value, currency, credit, status,
                    bookedOn == null ? null : LocalDate.parse(bookedOn), endToEndId, credit ? debtorName : creditorName,
                    credit ? debtorTaxId : creditorTaxId, remittance);
        }
    }
}
