package io.settlehub.bank.formats.iso20022;

import io.settlehub.bank.config.BankProperties.Debtor;
import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes customer credit transfer initiations in ISO 20022 {@code pain.001.001.09}: one group header, one payment
 * information block per debtor account and execution date, one transaction per instruction. The instruction id
 * is the EndToEndId, so it comes back on the bank's statement. Russian bank codes (BIK, 9 digits) travel as a
 * clearing-system member id of {@code RUCBC}; a SWIFT BIC as {@code BICFI}.
 */
public final class Pain001Writer {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private static final DateTimeFormatter CREATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Debtor debtor;

    public Pain001Writer(Debtor debtor) {
        this.debtor = debtor;
    }

    public String write(String messageId, Instant createdAt, List<PaymentInstruction> instructions) {
        if (instructions.isEmpty()) {
            throw new IllegalArgumentException("a pain.001 file needs at least one instruction");
        }
        String total = Pain001Xml.total(instructions).toPlainString();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = Pain001Xml.start(out, NAMESPACE, messageId, CREATION.format(createdAt.truncatedTo(ChronoUnit.SECONDS)),
                    instructions.size(), Pain001Xml.total(instructions));
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", debtor.name());
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("PmtInf");
            text(xml, "PmtInfId", messageId);
            text(xml, "PmtMtd", "TRF");
            text(xml, "NbOfTxs", String.valueOf(instructions.size()));
            text(xml, "CtrlSum", total);
            xml.writeStartElement("ReqdExctnDt");
            text(xml, "Dt", instructions.get(0).requestedExecutionDate().toString());
            xml.writeEndElement();
            party(xml, "Dbtr", debtor.name(), debtor.taxId());
            account(xml, "DbtrAcct", debtor.account());
            agent(xml, "DbtrAgt", debtor.bankId());
            for (PaymentInstruction instruction : instructions) {
                transaction(xml, instruction);
            }
            xml.writeEndElement();
            Pain001Xml.finish(xml);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write pain.001", e);
        }
        return out.toString();
    }

    private static void transaction(XMLStreamWriter xml, PaymentInstruction instruction) throws XMLStreamException {
        xml.writeStartElement("CdtTrfTxInf");
        xml.writeStartElement("PmtId");
        text(xml, "InstrId", instruction.instructionId());
        text(xml, "EndToEndId", instruction.instructionId());
        xml.writeEndElement();
        xml.writeStartElement("Amt");
        Money amount = instruction.amount();
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", amount.currency());
        xml.writeCharacters(amount.plain());
        xml.writeEndElement();
        xml.writeEndElement();
        PaymentInstruction.ForeignTrade trade = instruction.foreignTrade();
        agent(xml, "CdtrAgt", instruction.payee().bankId(), trade == null ? null : trade.localBankCode(),
                trade == null ? null : trade.payeeCountry());
        party(xml, "Cdtr", instruction.payee().name(), instruction.payee().taxId());
        account(xml, "CdtrAcct", instruction.payee().account());
        if (trade != null) {
            regulatoryReporting(xml, trade);
        }
        xml.writeStartElement("RmtInf");
        text(xml, "Ustrd", truncate(remittance(instruction), 140));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /**
     * Russian currency control: the currency operation code and the contract (number, date, its registration number)
     * as structured regulatory reporting of the debtor's side, for the authority RU.
     */
    private static void regulatoryReporting(XMLStreamWriter xml, PaymentInstruction.ForeignTrade trade) throws XMLStreamException {
        xml.writeStartElement("RgltryRptg");
        text(xml, "DbtCdtRptgInd", "DEBT");
        xml.writeStartElement("Authrty");
        text(xml, "Ctry", "RU");
        xml.writeEndElement();
        xml.writeStartElement("Dtls");
        text(xml, "Tp", "CURRENCY CONTROL");
        if (trade.contractDate() != null) {
            text(xml, "Dt", trade.contractDate().toString());
        }
        if (trade.payeeCountry() != null) {
            text(xml, "Ctry", trade.payeeCountry());
        }
        if (trade.currencyOperationCode() != null) {
            text(xml, "Cd", trade.currencyOperationCode());
        }
        text(xml, "Inf", truncate("CONTRACT " + trade.contractNumber(), 35));
        if (trade.registeredContractNumber() != null) {
            text(xml, "Inf", truncate("UNK " + trade.registeredContractNumber(), 35));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The purpose, with the currency operation code first as Russian banks read it ({VO11100}) and the contract. */
    public static String remittance(PaymentInstruction instruction) {
        PaymentInstruction.ForeignTrade trade = instruction.foreignTrade();
        if (trade == null) {
            return instruction.purpose();
        }
        return (trade.currencyOperationCode() == null ? "" : "{VO" + trade.currencyOperationCode() + "} ") + instruction.purpose()
                + " under contract " + trade.contractNumber() + (trade.contractDate() == null ? "" : " of " + trade.contractDate());
    }

    private static void party(XMLStreamWriter xml, String element, String name, String taxId) throws XMLStreamException {
        xml.writeStartElement(element);
        text(xml, "Nm", truncate(name, 140));
        if (taxId != null) {
            open(xml, "Id", "OrgId", "Othr");
            text(xml, "Id", taxId);
            open(xml, "SchmeNm");
            text(xml, "Cd", "TXID"); // ISO's external code for a tax identification number
            close(xml, 4);
        }
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String number) throws XMLStreamException {
        open(xml, element, "Id");
        if (number.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
            text(xml, "IBAN", number);
        } else {
            open(xml, "Othr");
            text(xml, "Id", number);
            close(xml, 1);
        }
        close(xml, 2);
    }

    private static void agent(XMLStreamWriter xml, String element, String bankId) throws XMLStreamException {
        agent(xml, element, bankId, null, null);
    }

    /** A BIC, with the bank's local clearing code beside it when known (CNAPS for China); a 9-digit BIK as RUCBC. */
    private static void agent(XMLStreamWriter xml, String element, String bankId, String localCode, String country) throws XMLStreamException {
        open(xml, element, "FinInstnId");
        if (bankId.matches("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            text(xml, "BICFI", bankId);
            if (localCode != null) {
                open(xml, "ClrSysMmbId", "ClrSysId");
                if ("CN".equals(country) || "CN".equals(bankId.substring(4, 6))) {
                    text(xml, "Cd", "CNAPS");
                } else {
                    text(xml, "Prtry", "LOCAL");
                }
                close(xml, 1);
                text(xml, "MmbId", localCode);
                close(xml, 1);
            }
        } else {
            open(xml, "ClrSysMmbId", "ClrSysId");
            text(xml, "Cd", "RUCBC");
            close(xml, 1);
            text(xml, "MmbId", bankId);
            close(xml, 1);
        }
        close(xml, 2);
    }

    private static void open(XMLStreamWriter xml, String... elements) throws XMLStreamException {
        for (String element : elements) {
            xml.writeStartElement(element);
        }
    }

    private static void close(XMLStreamWriter xml, int levels) throws XMLStreamException {
        for (int i = 0; i < levels; i++) {
            xml.writeEndElement();
        }
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        Pain001Xml.text(xml, element, value);
    }

    private static String truncate(String value, int max) {
        return Pain001Xml.cut(value, max);
    }
}
