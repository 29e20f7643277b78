package io.settlehub.bank.formats.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.bank.config.BankProperties.Debtor;
import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class Pain001WriterTest {

    static final Debtor HUB = new Debtor("Settlehub LLC", "40702810000000000099", "044525225", "7700000000");

    static PaymentInstruction instruction(String id, String amount, String account, String bankId) {
        return new PaymentInstruction(id, "acme", new PaymentInstruction.Payee("Acme Import LLC & Co <RU>", account, bankId, "7701234567"),
                Money.of(amount, "RUB"), "Payout of marketplace sales", LocalDate.of(2026, 3, 21));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String at(Document doc, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, doc);
    }

    @Test
    void a_file_for_two_instructions_validates_and_reads_back() throws Exception {
        String xml = new Pain001Writer(HUB).write("MSG-1", Instant.parse("2026-03-21T08:00:00Z"), List.of(
                instruction("SHAAA", "1297.19", "40702810900000000001", "044525225"),
                instruction("SHBBB", "10.01", "DE89370400440532013000", "COBADEFFXXX")));
        Pain001Schema.validate(xml);

        Document doc = parse(xml);
        assertThat(at(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/NbOfTxs")).isEqualTo("2");
        assertThat(at(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum")).isEqualTo("1307.20");
        assertThat(at(doc, "//CdtTrfTxInf[1]/PmtId/EndToEndId")).isEqualTo("SHAAA");
        assertThat(at(doc, "//CdtTrfTxInf[1]/Amt/InstdAmt")).isEqualTo("1297.19");
        assertThat(at(doc, "//CdtTrfTxInf[1]/Amt/InstdAmt/@Ccy")).isEqualTo("RUB");
        assertThat(at(doc, "//CdtTrfTxInf[1]/CdtrAgt/FinInstnId/ClrSysMmbId/MmbId")).isEqualTo("044525225");
        assertThat(at(doc, "//CdtTrfTxInf[1]/Cdtr/Nm")).isEqualTo("Acme Import LLC & Co <RU>");
        assertThat(at(doc, "//CdtTrfTxInf[2]/CdtrAgt/FinInstnId/BICFI")).isEqualTo("COBADEFFXXX");
        assertThat(at(doc, "//CdtTrfTxInf[2]/CdtrAcct/Id/IBAN")).isEqualTo("DE89370400440532013000");
        assertThat(at(doc, "//PmtInf/DbtrAcct/Id/Othr/Id")).isEqualTo("40702810000000000099");
        assertThat(at(doc, "//CdtTrfTxInf[1]/Cdtr/Id/OrgId/Othr[SchmeNm/Cd='TXID']/Id")).isEqualTo("7701234567");
    }

    @Test
    void the_schema_check_names_what_is_wrong() {
        String xml = new Pain001Writer(HUB).write("MSG-2", Instant.parse("2026-03-21T08:00:00Z"),
                List.of(instruction("SHCCC", "5.00", "40702810900000000001", "044525225")));
        String broken = xml.replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>WIRE</PmtMtd>");
        assertThatThrownBy(() -> Pain001Schema.validate(broken))
                .isInstanceOf(Pain001Schema.InvalidPaymentFileException.class)
                .hasMessageContaining("WIRE");
    }

    @Test
    void a_payment_abroad_carries_the_currency_control_fields_and_the_local_bank_code() throws Exception {
        PaymentInstruction abroad = new PaymentInstruction("SH-CNY-1", "acme",
                new PaymentInstruction.Payee("Shenzhen Bright Lights Co., Ltd.", "44332211009988776655", "BKCHCNBJ45A", null),
                Money.of("100.00", "CNY"), "Payment for goods supplied to Acme Import", LocalDate.of(2026, 3, 21),
                new PaymentInstruction.ForeignTrade("SZ-2026/17", LocalDate.of(2026, 1, 15), "26010001/1481/0000/2/1", "11200", "CN",
                        "104584000003"));
        String xml = new Pain001Writer(HUB).write("MSG-CNY", Instant.parse("2026-03-21T08:00:00Z"), List.of(abroad));
        Pain001Schema.validate(xml);
        Document doc = parse(xml);
        String tx = "//CdtTrfTxInf";
        assertThat(at(doc, tx + "/CdtrAgt/FinInstnId/BICFI")).isEqualTo("BKCHCNBJ45A");
        assertThat(at(doc, tx + "/CdtrAgt/FinInstnId/ClrSysMmbId/ClrSysId/Cd")).isEqualTo("CNAPS");
        assertThat(at(doc, tx + "/CdtrAgt/FinInstnId/ClrSysMmbId/MmbId")).isEqualTo("104584000003");
        assertThat(at(doc, tx + "/RgltryRptg/Authrty/Ctry")).isEqualTo("RU");
        assertThat(at(doc, tx + "/RgltryRptg/Dtls/Cd")).isEqualTo("11200");
        assertThat(at(doc, tx + "/RgltryRptg/Dtls/Dt")).isEqualTo("2026-01-15");
        assertThat(at(doc, tx + "/RgltryRptg/Dtls/Inf[1]")).isEqualTo("CONTRACT SZ-2026/17");
        assertThat(at(doc, tx + "/RgltryRptg/Dtls/Inf[2]")).isEqualTo("UNK 26010001/1481/0000/2/1");
        assertThat(at(doc, tx + "/RmtInf/Ustrd"))
                .isEqualTo("{VO11200} Payment for goods supplied to Acme Import under contract SZ-2026/17 of 2026-01-15");
    }
}
