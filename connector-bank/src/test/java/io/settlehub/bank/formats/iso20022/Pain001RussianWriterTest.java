package io.settlehub.bank.formats.iso20022;

import static io.settlehub.bank.formats.iso20022.Pain001WriterTest.at;
import static io.settlehub.bank.formats.iso20022.Pain001WriterTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.bank.config.BankProperties.Debtor;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The Russian host-to-host profile: what a Russian bank's rouble payment order needs, in pain.001.001.06. */
class Pain001RussianWriterTest {

    static final Debtor HUB = new Debtor("ООО «Сеттлхаб»", "40702810000000000099", "044525593", "7700000000", "770001001",
            "АО \"АЛЬФА-БАНК\"", "30101810200000000593");
    static final String PURPOSE = "Перечисление выручки от продаж на маркетплейсах за вычетом вознаграждения агента, Acme Import. "
            + "НДС не облагается";

    static PaymentInstruction payout(String id, String amount) {
        return new PaymentInstruction(id, "acme", new PaymentInstruction.Payee("ООО «Акме Импорт»", "40702810900000000001", "044525225",
                "7701234567", "770101001", "ПАО Сбербанк", "30101810400000000225"), Money.of(amount, "RUB"), PURPOSE,
                LocalDate.of(2026, 11, 30));
    }

    @Test
    void a_rouble_payout_carries_what_a_russian_payment_order_needs_and_validates() throws Exception {
        String xml = new Pain001RussianWriter(HUB).write("SHMSG1", Instant.parse("2026-11-30T07:00:00Z"), List.of(
                new Pain001RussianWriter.Order(payout("SHAAA", "3144.00"), "17", LocalDate.of(2026, 11, 30))));
        Pain001Schema.validateV06(xml);

        assertThat(xml).contains("xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.06\"");
        Document doc = parse(xml);
        String info = "/Document/CstmrCdtTrfInitn/PmtInf";
        assertThat(at(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/CreDtTm")).isEqualTo("2026-11-30T10:00:00");
        assertThat(at(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/InitgPty/Id/OrgId/Othr/SchmeNm/Cd")).isEqualTo("TXID");
        assertThat(at(doc, info + "/PmtInfId")).isNotEqualTo(at(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/MsgId"));
        assertThat(at(doc, info + "/ReqdExctnDt")).isEqualTo("2026-11-30");
        // the payer: INN (scheme TXID) and KPP, account, BIK in RUCBC, bank name, correspondent account
        assertThat(at(doc, info + "/Dbtr/Id/OrgId/Othr[SchmeNm/Cd='TXID']/Id")).isEqualTo("7700000000");
        assertThat(at(doc, info + "/Dbtr/Id/OrgId/Othr[SchmeNm/Prtry='KPP']/Id")).isEqualTo("770001001");
        assertThat(at(doc, info + "/DbtrAcct/Id/Othr/Id")).isEqualTo("40702810000000000099");
        assertThat(at(doc, info + "/DbtrAgt/FinInstnId/ClrSysMmbId/ClrSysId/Cd")).isEqualTo("RUCBC");
        assertThat(at(doc, info + "/DbtrAgt/FinInstnId/ClrSysMmbId/MmbId")).isEqualTo("044525593");
        assertThat(at(doc, info + "/DbtrAgt/FinInstnId/Nm")).isEqualTo("АО \"АЛЬФА-БАНК\"");
        assertThat(at(doc, info + "/DbtrAgtAcct/Id/Othr/Id")).isEqualTo("30101810200000000593");
        // the payee, the same way
        String tx = info + "/CdtTrfTxInf";
        assertThat(at(doc, tx + "/Cdtr/Nm")).isEqualTo("ООО «Акме Импорт»");
        assertThat(at(doc, tx + "/Cdtr/Id/OrgId/Othr[SchmeNm/Cd='TXID']/Id")).isEqualTo("7701234567");
        assertThat(at(doc, tx + "/Cdtr/Id/OrgId/Othr[SchmeNm/Prtry='KPP']/Id")).isEqualTo("770101001");
        assertThat(at(doc, tx + "/CdtrAcct/Id/Othr/Id")).isEqualTo("40702810900000000001");
        assertThat(at(doc, tx + "/CdtrAgt/FinInstnId/ClrSysMmbId/MmbId")).isEqualTo("044525225");
        assertThat(at(doc, tx + "/CdtrAgt/FinInstnId/Nm")).isEqualTo("ПАО Сбербанк");
        assertThat(at(doc, tx + "/CdtrAgtAcct/Id/Othr/Id")).isEqualTo("30101810400000000225");
        // the payment order: its number as EndToEndId, its date, our instruction id, priority 5, the Russian purpose
        assertThat(at(doc, tx + "/PmtId/EndToEndId")).isEqualTo("17");
        assertThat(at(doc, tx + "/PmtId/InstrId")).isEqualTo("SHAAA");
        assertThat(at(doc, tx + "/RmtInf/Strd/RfrdDocInf/RltdDt")).isEqualTo("2026-11-30");
        assertThat(at(doc, tx + "/RmtInf/Strd/RfrdDocInf/Nb")).isEqualTo("17");
        assertThat(at(doc, tx + "/Purp/Prtry")).isEqualTo("5");
        assertThat(at(doc, tx + "/Amt/InstdAmt")).isEqualTo("3144.00");
        assertThat(at(doc, tx + "/Amt/InstdAmt/@Ccy")).isEqualTo("RUB");
        assertThat(at(doc, tx + "/RmtInf/Ustrd")).isEqualTo(PURPOSE);
    }

    @Test
    void a_purpose_longer_than_an_iso_line_goes_in_lines_of_140() throws Exception {
        String purpose = "П".repeat(150) + " В т.ч. НДС (22%) 566,95 руб.";
        PaymentInstruction long_ = new PaymentInstruction("SHLNG", "acme", payout("x", "1.00").payee(), Money.of("3144.00", "RUB"),
                purpose, LocalDate.of(2026, 11, 30));
        String xml = new Pain001RussianWriter(HUB).write("SHMSG4", Instant.parse("2026-11-30T07:00:00Z"),
                List.of(new Pain001RussianWriter.Order(long_, "1", LocalDate.of(2026, 11, 30))));
        Pain001Schema.validateV06(xml);

        Document doc = parse(xml);
        assertThat(at(doc, "//RmtInf/Ustrd[1]")).hasSize(140);
        assertThat(at(doc, "//RmtInf/Ustrd[1]") + at(doc, "//RmtInf/Ustrd[2]")).isEqualTo(purpose);
    }

    @Test
    void orders_of_two_dates_go_in_two_payment_blocks() throws Exception {
        String xml = new Pain001RussianWriter(HUB).write("SHMSG2", Instant.parse("2026-11-30T07:00:00Z"), List.of(
                new Pain001RussianWriter.Order(payout("SHAAA", "1.00"), "1", LocalDate.of(2026, 11, 30)),
                new Pain001RussianWriter.Order(payout("SHBBB", "2.00"), "2", LocalDate.of(2026, 12, 1))));
        Pain001Schema.validateV06(xml);

        Document doc = parse(xml);
        assertThat(at(doc, "count(//PmtInf)")).isEqualTo("2");
        assertThat(at(doc, "//PmtInf[2]/ReqdExctnDt")).isEqualTo("2026-12-01");
        assertThat(at(doc, "//PmtInf[2]/CdtTrfTxInf/PmtId/InstrId")).isEqualTo("SHBBB");
        assertThat(at(doc, "/Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum")).isEqualTo("3.00");
    }

    @Test
    void the_structure_check_finds_an_element_out_of_order() {
        String xml = new Pain001RussianWriter(HUB).write("SHMSG3", Instant.parse("2026-11-30T07:00:00Z"),
                List.of(new Pain001RussianWriter.Order(payout("SHAAA", "1.00"), "1", LocalDate.of(2026, 11, 30))));
        String broken = xml.replace("<ChrgBr>DEBT</ChrgBr>", "").replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>TRF</PmtMtd><ChrgBr>DEBT</ChrgBr>");

        assertThatThrownBy(() -> Pain001Schema.validateV06(broken)).isInstanceOf(Pain001Schema.InvalidPaymentFileException.class)
                .hasMessageContaining("pain.001.001.06.xsd").hasMessageContaining("ChrgBr");
    }

    @Test
    void what_a_rouble_payment_order_cannot_go_without_is_refused_by_name() {
        Pain001RussianWriter writer = new Pain001RussianWriter(HUB);
        PaymentInstruction yuan = new PaymentInstruction("SHCNY", "acme", payout("x", "1.00").payee(), Money.of("10.00", "CNY"),
                PURPOSE, LocalDate.of(2026, 11, 30));
        assertThatThrownBy(() -> writer.write("M", Instant.now(), List.of(new Pain001RussianWriter.Order(yuan, "1", LocalDate.of(2026, 11, 30)))))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("amount.currency").hasMessageContaining("roubles only");
        PaymentInstruction noBank = new PaymentInstruction("SHNOB", "acme", new PaymentInstruction.Payee("ООО «Акме Импорт»",
                "40702810900000000001", "044525225", "7701234567"), Money.of("1.00", "RUB"), PURPOSE, LocalDate.of(2026, 11, 30));
        assertThatThrownBy(() -> writer.write("M", Instant.now(), List.of(new Pain001RussianWriter.Order(noBank, "1", LocalDate.of(2026, 11, 30)))))
                .hasMessageContaining("payee.bankName");
        assertThatThrownBy(() -> writer.write("M", Instant.now(), List.of(new Pain001RussianWriter.Order(payout("SHAAA", "1.00"), "1000000",
                LocalDate.of(2026, 11, 30))))).hasMessageContaining("document number '1000000' is not an integer of up to 6 digits");
        assertThatThrownBy(() -> new Pain001RussianWriter(new Debtor("Settlehub", "40702810000000000099", "ALFARUMM", "7700000000")))
                .hasMessageContaining("bank-id (a 9-digit BIK)").hasMessageContaining("kpp").hasMessageContaining("bank-name")
                .hasMessageContaining("correspondent-account");
    }
}
