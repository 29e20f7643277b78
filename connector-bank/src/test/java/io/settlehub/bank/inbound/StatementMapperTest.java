package io.settlehub.bank.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.partner.iso20022.Camt053Reader;
import io.settlehub.bank.partner.iso20022.Camt053Reader.InvalidStatementException;
import io.settlehub.bank.partner.iso20022.StatementEntry;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.BankCredit;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A camt.053 statement of the hub's account: validated, streamed, and each booked entry to its event. */
class StatementMapperTest {

    static final BankProperties BANK = new BankProperties(new BankProperties.Debtor("Settlehub LLC", "40702810000000000099", "044525225",
            "7700000000"), null, "target", List.of(new BankProperties.CreditRule("7704217370", "ИР-100001", "acme")));

    @TempDir
    Path dir;

    Path statement(String e2e, String edit) throws Exception {
        String xml = new String(getClass().getResourceAsStream("/iso20022/camt053-statement.xml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("{{E2E}}", e2e);
        Path file = dir.resolve("camt053-20261126.xml");
        Files.writeString(file, edit == null ? xml : xml.replace("<Amt Ccy=\"RUB\">1500.00</Amt>", edit));
        return file;
    }

    List<MappingResult> read(Path file, SentInstructions sent) {
        List<MappingResult> results = new ArrayList<>();
        Camt053Reader.read(file, entry -> results.add(StatementMapper.map(entry, BANK, sent, file.getFileName().toString())));
        return results;
    }

    @Test
    void a_debit_of_our_instruction_is_booked_a_claimed_credit_is_a_bank_credit_and_the_rest_waits_for_an_operator() throws Exception {
        SentInstructions sent = new SentInstructions(dir.resolve("sent.tsv"));
        sent.sent("SH0123456789ABCDEF0123456789ABCDEF", "acme");
        List<MappingResult> results = read(statement("SH0123456789ABCDEF0123456789ABCDEF", null), sent);
        assertThat(results).hasSize(4);

        CanonicalEvent booked = results.get(0).events().get(0);
        assertThat(List.of(booked.eventId(), booked.type(), booked.clientId())).containsExactly(
                "bank:SH0123456789ABCDEF0123456789ABCDEF:BOOKED", EventType.PAYMENT_STATUS, "acme");
        PaymentStatus status = (PaymentStatus) booked.payload();
        assertThat(List.of(status.status(), status.debitedAmount(), status.bookedAt()))
                .containsExactly("BOOKED", Money.of("1500.00", "RUB"), Instant.parse("2026-11-25T21:00:00Z"));

        CanonicalEvent credit = results.get(1).events().get(0);
        BankCredit bankCredit = (BankCredit) credit.payload();
        assertThat(List.of(credit.clientId(), bankCredit.amount(), bankCredit.payerTaxId(), bankCredit.entryRef()))
                .containsExactly("acme", Money.of("9874.50", "RUB"), "7704217370", "2");

        assertThat(results.get(2).unmapped()).extracting(UnmappedRecord::reason)
                .containsExactly("debit 115.00 RUB (entry 3) has no EndToEndId, which matches no instruction this connector sent");
        assertThat(results.get(3).events()).as("pending entries wait for their booking").isEmpty();
        assertThat(results.get(3).unmapped()).isEmpty();

        // a restart remembers whose instructions they were
        assertThat(new SentInstructions(dir.resolve("sent.tsv")).clientOf("SH0123456789ABCDEF0123456789ABCDEF")).contains("acme");
    }

    @Test
    void three_decimals_in_rub_a_foreign_account_and_an_xml_bomb_fail_the_whole_statement_with_the_reason() throws Exception {
        SentInstructions sent = new SentInstructions(dir.resolve("sent.tsv"));
        assertThatThrownBy(() -> read(statement("SHX", "<Amt Ccy=\"RUB\">1500.005</Amt>"), sent))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("entry 1").hasMessageContaining("1500.005");

        Path foreign = statement("SHX", null);
        Files.writeString(foreign, Files.readString(foreign).replace("<Id>40702810000000000099</Id>", "<Id>40702810999999999999</Id>"));
        assertThatThrownBy(() -> read(foreign, sent)).isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("is for account 40702810999999999999, which is none of the hub's accounts [40702810000000000099]");

        Path bomb = dir.resolve("bomb.xml");
        Files.writeString(bomb, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&lol2;</Document>");
        assertThatThrownBy(() -> read(bomb, sent)).isInstanceOf(InvalidStatementException.class).hasMessageContaining("DOCTYPE");

        Path cut = statement("SHX", null);
        String whole = Files.readString(cut);
        Files.writeString(cut, whole.substring(0, whole.indexOf("<NtryRef>3</NtryRef>")));
        assertThatThrownBy(() -> read(cut, sent)).isInstanceOf(InvalidStatementException.class).hasMessageContaining("camt053-20261126.xml");
    }
}
