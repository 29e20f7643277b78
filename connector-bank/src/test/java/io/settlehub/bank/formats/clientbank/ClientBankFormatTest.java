package io.settlehub.bank.formats.clientbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1C client-bank exchange format: payment orders written and read back, statements in both encodings. */
class ClientBankFormatTest {

    static byte[] fixture(String name) throws Exception {
        return ClientBankFormatTest.class.getResourceAsStream("/clientbank/" + name).readAllBytes();
    }

    static final PaymentOrder.Party HUB = new PaymentOrder.Party("ООО «Сеттлхаб»", "40702810000000000099", "7700000000", "770001001",
            "ПАО СБЕРБАНК", "044525225", "30101810400000000225");
    static final PaymentOrder.Party ACME = new PaymentOrder.Party("ООО «Акме Импорт»", "40702810900000000001", "7701234567", "770101001",
            "ПАО СБЕРБАНК", "044525225", "30101810400000000225");

    @Test
    void payment_orders_round_trip_in_windows_1251_with_crlf() {
        PaymentOrder order = new PaymentOrder("815", LocalDate.of(2026, 11, 26), new BigDecimal("1500.00"), HUB, ACME,
                "Выплата по агентскому договору № А-17 за продажи на маркетплейсах, без НДС", 5, "электронно", null, null);
        byte[] file = ClientBankFormat.writePaymentOrders("Settlehub", "ПАО СБЕРБАНК", LocalDateTime.of(2026, 11, 26, 18, 0, 5),
                "40702810000000000099", List.of(order));
        String text = new String(file, ClientBankFormat.WINDOWS);
        assertThat(text).startsWith("1CClientBankExchange\r\nВерсияФормата=1.03\r\nКодировка=Windows\r\n")
                .contains("\r\nСекцияДокумент=Платежное поручение\r\n").contains("\r\nОчередность=5\r\n").endsWith("КонецФайла\r\n");
        assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8)).as("Windows-1251, not UTF-8").doesNotContain("Кодировка");

        ClientBankFile read = ClientBankFormat.read("1c_to_kl.txt", file);
        assertThat(read.header()).containsEntry("ВерсияФормата", "1.03").containsEntry("РасчСчет", "40702810000000000099");
        assertThat(read.documents()).containsExactly(order);
    }

    @Test
    void a_bank_statement_has_its_account_section_and_the_documents_out_and_in() throws Exception {
        ClientBankFile statement = ClientBankFormat.read("kl_to_1c-20261126.txt", fixture("kl_to_1c-20261126.txt"));
        assertThat(statement.accounts()).containsExactly(new ClientBankFile.AccountSection("40702810000000000099", LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 11, 26), new BigDecimal("250000.00"), new BigDecimal("9874.50"), new BigDecimal("1500.00"),
                new BigDecimal("258374.50")));
        PaymentOrder out = statement.documents().get(0);
        PaymentOrder in = statement.documents().get(1);
        assertThat(List.of(out.number(), out.amount(), out.debitedOn(), out.payee().taxId()))
                .containsExactly("815", new BigDecimal("1500.00"), LocalDate.of(2026, 11, 26), "7701234567");
        assertThat(out.creditedOn()).isNull();
        assertThat(List.of(in.amount(), in.creditedOn(), in.payer().taxId(), in.purpose())).containsExactly(new BigDecimal("9874.50"),
                LocalDate.of(2026, 11, 26), "7704217370", "Перечисление по договору ИР-100001 за период 10.11.2026-16.11.2026, без НДС");

        ClientBankFile dos = ClientBankFormat.read("kl_to_1c-20261126-dos.txt", fixture("kl_to_1c-20261126-dos.txt"));
        assertThat(dos.documents()).isEqualTo(statement.documents());
    }

    @Test
    void a_file_in_another_encoding_than_it_says_a_cut_file_and_three_decimals_are_refused_naming_why() throws Exception {
        assertThatThrownBy(() -> ClientBankFormat.read("cp866.txt", fixture("kl_to_1c-20261126-cp866-but-says-windows.txt")))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("another encoding than it declares");
        byte[] whole = fixture("kl_to_1c-20261126.txt");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> ClientBankFormat.read("cut.txt", cut)).isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("without КонецФайла");
        byte[] threeDecimals = new String(whole, ClientBankFormat.WINDOWS).replace("Сумма=1500.00", "Сумма=1500.005")
                .getBytes(ClientBankFormat.WINDOWS);
        assertThatThrownBy(() -> ClientBankFormat.read("x.txt", threeDecimals)).isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("Сумма has more than two decimals: '1500.005'");
    }

    static ClientBankFile readVariant(String name, String text) {
        return ClientBankFormat.read(name, text.getBytes(ClientBankFormat.WINDOWS));
    }

    @Test
    void what_other_programs_write_is_read_a_lowercase_encoding_a_bare_document_section_a_blank_priority_older_versions() throws Exception {
        String whole = new String(fixture("kl_to_1c-20261126.txt"), ClientBankFormat.WINDOWS);
        List<PaymentOrder> documents = ClientBankFormat.read("kl_to_1c-20261126.txt", fixture("kl_to_1c-20261126.txt")).documents();
        // Oracle EBS writes the encoding's name in lower case
        assertThat(readVariant("lower.txt", whole.replace("Кодировка=Windows", "Кодировка=windows")).documents()).isEqualTo(documents);
        // the document kind is optional on the section line
        assertThat(readVariant("bare.txt", whole.replace("СекцияДокумент=Платежное поручение\r\nНомер=45512", "СекцияДокумент\r\nНомер=45512"))
                .documents()).isEqualTo(documents);
        // a statement may leave the priority blank: an ordinary payment's 5
        assertThat(readVariant("blank.txt", whole.replace("Очередность=5", "Очередность=")).documents()).extracting(PaymentOrder::priority)
                .containsExactly(5, 5);
        // 1.01 and 1.02 name the fields the hub reads as 1.03 does
        for (String version : List.of("1.01", "1.02")) {
            ClientBankFile older = readVariant(version + ".txt", whole.replace("ВерсияФормата=1.03", "ВерсияФормата=" + version));
            assertThat(older.version()).isEqualTo(version);
            assertThat(older.documents()).isEqualTo(documents);
        }
    }

    @Test
    void an_unknown_version_a_missing_one_and_a_priority_that_is_no_number_are_refused_naming_the_line() throws Exception {
        String whole = new String(fixture("kl_to_1c-20261126.txt"), ClientBankFormat.WINDOWS);
        assertThatThrownBy(() -> readVariant("v2.txt", whole.replace("ВерсияФормата=1.03", "ВерсияФормата=2.00")))
                .isInstanceOf(InvalidStatementException.class)
                .hasMessage("v2.txt: ВерсияФормата 2.00 is not a version this reader knows (1.01, 1.02, 1.03)");
        assertThatThrownBy(() -> readVariant("none.txt", whole.replace("ВерсияФормата=1.03\r\n", "")))
                .isInstanceOf(InvalidStatementException.class).hasMessage("none.txt: the header has no ВерсияФормата");
        assertThatThrownBy(() -> readVariant("x.txt", whole.replaceFirst("Очередность=5", "Очередность=пятая")))
                .isInstanceOf(InvalidStatementException.class).hasMessage("x.txt line 47: Очередность is not a number: 'пятая'");
    }
}
