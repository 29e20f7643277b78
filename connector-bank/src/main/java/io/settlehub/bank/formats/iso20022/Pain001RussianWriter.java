package io.settlehub.bank.formats.iso20022;

import io.settlehub.bank.config.BankProperties.Debtor;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.PaymentInstruction;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes rouble payment orders as pain.001.001.06 the way Russian banks' host-to-host channels take them (docs/partners/
 * iso20022.md, "Russian host-to-host"): each party's INN as an organisation id of scheme {@code TXID} and its KPP beside
 * it (scheme {@code KPP}); each bank by its BIK in the clearing system {@code RUCBC}, with its name and its correspondent
 * account ({@code DbtrAgtAcct}, {@code CdtrAgtAcct}); the payment order's number (up to 6 digits, unique per day and
 * payer) as {@code EndToEndId} and its date as the referred document's date; our instruction id as {@code InstrId};
 * the priority (очерёдность) as {@code Purp/Prtry}; the purpose in Russian, cut into 140-character lines.
 */
public final class Pain001RussianWriter {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.06";
    private static final DateTimeFormatter CREATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Ordinary payments (not taxes, salaries or court orders) go fifth (очерёдность 5). */
    public static final String ORDINARY_PRIORITY = "5";

    private final Debtor debtor;

    public Pain001RussianWriter(Debtor debtor) {
        this.debtor = requireComplete(debtor);
    }

    /** One instruction and its payment order's number and date. */
    public record Order(PaymentInstruction instruction, String number, LocalDate date) {
    }

    /**
     * The debtor must be complete for a Russian payment order; what is missing is named by its property, so a profile
     * that could never produce a valid file stops the service at start rather than an instruction later.
     */
    public static Debtor requireComplete(Debtor debtor) {
        List<String> missing = new ArrayList<>();
        if (debtor == null) {
            throw new IllegalArgumentException("the Russian host-to-host profile needs a debtor (name, account, bank-id, tax-id, kpp, "
                    + "bank-name, correspondent-account)");
        }
        check(missing, "name", debtor.name() != null && !debtor.name().isBlank());
        check(missing, "account (20 digits)", debtor.account() != null && debtor.account().matches("[0-9]{20}"));
        check(missing, "bank-id (a 9-digit BIK)", debtor.bankId() != null && debtor.bankId().matches("[0-9]{9}"));
        check(missing, "tax-id (INN, 10 or 12 digits)", debtor.taxId() != null && debtor.taxId().matches("[0-9]{10}|[0-9]{12}"));
        check(missing, "kpp (9 characters)", debtor.kpp() != null && debtor.kpp().matches("[0-9]{4}[0-9A-Z]{2}[0-9]{3}"));
        check(missing, "bank-name", debtor.bankName() != null && !debtor.bankName().isBlank());
        check(missing, "correspondent-account (20 digits)", debtor.correspondentAccount() != null
                && debtor.correspondentAccount().matches("[0-9]{20}"));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the Russian host-to-host profile's debtor lacks or mistypes " + String.join(", ", missing));
        }
        return debtor;
    }

    private static void check(List<String> missing, String what, boolean ok) {
        if (!ok) {
            missing.add(what);
        }
    }

    public String write(String messageId, Instant createdAt, List<Order> orders) {
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("a pain.001 file needs at least one instruction");
        }
        orders.forEach(Pain001RussianWriter::requirePayable);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = Pain001Xml.start(out, NAMESPACE, messageId, CREATION.format(createdAt.truncatedTo(ChronoUnit.SECONDS)
                    .atZone(MOSCOW)), orders.size(), Pain001Xml.total(orders.stream().map(Order::instruction).toList()));
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", cut(debtor.name(), 140));
            identifiers(xml, debtor.taxId(), null);
            xml.writeEndElement();
            xml.writeEndElement();

            // one payment information block per document date: the bank reads the date from ReqdExctnDt too
            for (LocalDate date : orders.stream().map(Order::date).distinct().sorted().toList()) {
                List<Order> ofDate = orders.stream().filter(o -> o.date().equals(date)).toList();
                paymentInformation(xml, messageId + (orders.size() == ofDate.size() ? "" : "-" + date), ofDate, date);
            }
            Pain001Xml.finish(xml);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write pain.001.001.06", e);
        }
        return out.toString();
    }

    private void paymentInformation(XMLStreamWriter xml, String id, List<Order> orders, LocalDate date) throws XMLStreamException {
        xml.writeStartElement("PmtInf");
        text(xml, "PmtInfId", cut("P" + id, 35)); // must differ from MsgId
        text(xml, "PmtMtd", "TRF");
        text(xml, "NbOfTxs", String.valueOf(orders.size()));
        text(xml, "CtrlSum", Pain001Xml.total(orders.stream().map(Order::instruction).toList()).toPlainString());
        xml.writeStartElement("PmtTpInf");
        text(xml, "InstrPrty", "NORM");
        xml.writeEndElement();
        text(xml, "ReqdExctnDt", date.toString());
        party(xml, "Dbtr", debtor.name(), debtor.taxId(), debtor.kpp());
        account(xml, "DbtrAcct", debtor.account(), "RUB");
        agent(xml, "DbtrAgt", debtor.bankId(), debtor.bankName());
        account(xml, "DbtrAgtAcct", debtor.correspondentAccount(), null);
        text(xml, "ChrgBr", "DEBT");
        for (Order order : orders) {
            transaction(xml, order);
        }
        xml.writeEndElement();
    }

    private static void transaction(XMLStreamWriter xml, Order order) throws XMLStreamException {
        PaymentInstruction instruction = order.instruction();
        PaymentInstruction.Payee payee = instruction.payee();
        xml.writeStartElement("CdtTrfTxInf");
        xml.writeStartElement("PmtId");
        text(xml, "InstrId", instruction.instructionId());
        text(xml, "EndToEndId", order.number());
        xml.writeEndElement();
        xml.writeStartElement("Amt");
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", instruction.amount().currency());
        xml.writeCharacters(instruction.amount().plain());
        xml.writeEndElement();
        xml.writeEndElement();
        agent(xml, "CdtrAgt", payee.bankId(), payee.bankName());
        if (payee.correspondentAccount() != null) {
            account(xml, "CdtrAgtAcct", payee.correspondentAccount(), null);
        }
        party(xml, "Cdtr", payee.name(), payee.taxId(), payee.kpp());
        account(xml, "CdtrAcct", payee.account(), null);
        xml.writeStartElement("Purp");
        text(xml, "Prtry", ORDINARY_PRIORITY);
        xml.writeEndElement();
        xml.writeStartElement("RmtInf");
        for (String line : lines(instruction.purpose(), 140)) {
            text(xml, "Ustrd", line);
        }
        xml.writeStartElement("Strd");
        xml.writeStartElement("RfrdDocInf");
        xml.writeStartElement("Tp");
        xml.writeStartElement("CdOrPrtry");
        text(xml, "Prtry", "POD"); // the payment order (платёжное поручение) itself
        xml.writeEndElement();
        xml.writeEndElement();
        text(xml, "Nb", order.number());
        text(xml, "RltdDt", order.date().toString());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** What a Russian payment order cannot go without, named by the instruction's field. */
    private static void requirePayable(Order order) {
        PaymentInstruction instruction = order.instruction();
        PaymentInstruction.Payee payee = instruction.payee();
        String where = "instruction " + instruction.instructionId() + ": ";
        if (!order.number().matches("[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException(where + "document number '" + order.number() + "' is not an integer of up to 6 digits");
        }
        if (!"RUB".equals(instruction.amount().currency())) {
            throw new InvalidMessageException("amount.currency", where + "the Russian host-to-host profile pays roubles only, not "
                    + instruction.amount().currency());
        }
        if (!payee.bankId().matches("[0-9]{9}")) {
            throw new InvalidMessageException("payee.bankId", where + "must be a 9-digit BIK for a rouble payment order, was " + payee.bankId());
        }
        if (payee.bankName() == null) {
            throw new InvalidMessageException("payee.bankName", where + "a rouble payment order names the payee's bank (from the BIK directory)");
        }
        if (payee.taxId() == null) {
            throw new InvalidMessageException("payee.taxId", where + "a rouble payment order to a company names its INN");
        }
        if (!payee.account().matches("[0-9]{20}")) {
            throw new InvalidMessageException("payee.account", where + "a Russian account has 20 digits, was " + payee.account());
        }
    }

    private static void party(XMLStreamWriter xml, String element, String name, String inn, String kpp) throws XMLStreamException {
        xml.writeStartElement(element);
        text(xml, "Nm", cut(name, 140));
        xml.writeStartElement("PstlAdr");
        text(xml, "Ctry", "RU");
        xml.writeEndElement();
        identifiers(xml, inn, kpp);
        xml.writeEndElement();
    }

    /** INN as scheme TXID, KPP beside it as a proprietary scheme KPP. */
    private static void identifiers(XMLStreamWriter xml, String inn, String kpp) throws XMLStreamException {
        xml.writeStartElement("Id");
        xml.writeStartElement("OrgId");
        other(xml, inn, "Cd", "TXID");
        if (kpp != null) {
            other(xml, kpp, "Prtry", "KPP");
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void other(XMLStreamWriter xml, String id, String scheme, String value) throws XMLStreamException {
        xml.writeStartElement("Othr");
        text(xml, "Id", id);
        xml.writeStartElement("SchmeNm");
        text(xml, scheme, value);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String number, String currency) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        xml.writeStartElement("Othr");
        text(xml, "Id", number);
        if (currency != null) {
            xml.writeStartElement("SchmeNm");
            text(xml, "Cd", "BBAN");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        if (currency != null) {
            text(xml, "Ccy", currency);
        }
        xml.writeEndElement();
    }

    private static void agent(XMLStreamWriter xml, String element, String bik, String name) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        xml.writeStartElement("ClrSysMmbId");
        xml.writeStartElement("ClrSysId");
        text(xml, "Cd", "RUCBC");
        xml.writeEndElement();
        text(xml, "MmbId", bik);
        xml.writeEndElement();
        text(xml, "Nm", cut(name, 140));
        xml.writeStartElement("PstlAdr");
        text(xml, "Ctry", "RU");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The text in lines of at most {@code width} characters (ISO's Max140Text), at most 210 characters in all. */
    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (int start = 0; start < text.length(); start += width) {
            lines.add(text.substring(start, Math.min(text.length(), start + width)));
        }
        return lines;
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        Pain001Xml.text(xml, element, value);
    }

    private static String cut(String value, int max) {
        return Pain001Xml.cut(value, max);
    }
}
