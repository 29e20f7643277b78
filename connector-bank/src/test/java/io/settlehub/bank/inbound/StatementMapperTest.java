package io.settlehub.bank.inbound;

import io.settlehub.bank.outbound.SentInstructions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.formats.iso20022.Camt053Reader;
import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
import io.settlehub.bank.formats.iso20022.StatementEntry;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A camt.053 statement of the hub's account: validated, streamed, and each booked entry to its event. */
class StatementMapperTest {

    static final BankProperties BANK = new BankProperties(new BankProperties.Debtor("Settlehub LLC", "40702810000000000099", "044525225",
            "7700000000"), null, "target", List.of(new BankProperties.CreditRule("7704217370", "ИР-100001", "acme")));

    @TempDir
    Path dir;

    Path statement(String e2e, String edit) throws Exception {
        return statement("camt053-statement.xml", e2e, edit);
    }

    Path statement(String fixture, String e2e, String edit) throws Exception {
        String xml = new String(getClass().getResourceAsStream("/iso20022/" + fixture).readAllBytes(), StandardCharsets.UTF_8)
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

    List<StatementEntry> entries(Path file) {
        List<StatementEntry> entries = new ArrayList<>();
        Camt053Reader.read(file, entries::add);
        return entries;
    }

    @ParameterizedTest
    @ValueSource(strings = {"camt053-statement-v02.xml", "camt053-statement-v04.xml", "camt053-statement-v05.xml",
            "camt052-report-v05.xml", "camt052-report-v08.xml"})
    void the_earlier_versions_banks_still_send_read_into_the_very_same_entries(String fixture) throws Exception {
        List<StatementEntry> latest = entries(statement("SHX", null));
        Path earlier = Files.move(statement(fixture, "SHX", null), dir.resolve(fixture));
        assertThat(entries(earlier)).isEqualTo(latest);
        assertThat(latest).extracting(StatementEntry::status).containsExactly("BOOK", "BOOK", "BOOK", "PDNG");
        assertThat(latest.get(1).counterpartyName()).isEqualTo("ООО «Интернет Решения»");
    }

    @ParameterizedTest
    @ValueSource(strings = {"camt053-statement.xml", "camt053-statement-v02.xml"})
    void a_credit_named_only_by_its_structured_creditor_reference_is_matched(String fixture) throws Exception {
        Path file = statement(fixture, "SHX", null);
        Files.writeString(file, Files.readString(file).replace("<RmtInf><Ustrd>Перечисление по договору ИР-100001 за период"
                + " 10.11.2026-16.11.2026</Ustrd></RmtInf>", "<RmtInf><Strd><CdtrRefInf><Ref>ИР-100001</Ref></CdtrRefInf></Strd></RmtInf>"));
        List<MappingResult> results = read(file, new SentInstructions(dir.resolve("sent.tsv")));
        CanonicalEvent credit = results.get(1).events().get(0);
        assertThat(List.of(credit.type(), credit.clientId(), ((BankCredit) credit.payload()).purpose()))
                .containsExactly(EventType.BANK_CREDIT, "acme", "ИР-100001");
    }

    @Test
    void an_earlier_version_cut_short_or_without_an_amount_yields_no_entry_and_names_why() throws Exception {
        Path cut = statement("camt053-statement-v02.xml", "SHX", null);
        String whole = Files.readString(cut);
        Files.writeString(cut, whole.substring(0, whole.indexOf("<NtryRef>3</NtryRef>")));
        List<StatementEntry> seen = new ArrayList<>();
        assertThatThrownBy(() -> Camt053Reader.read(cut, seen::add)).isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("camt053-20261126.xml is not well-formed XML");
        assertThat(seen).as("nothing of a broken statement is read").isEmpty();

        Path noAmount = statement("camt053-statement-v04.xml", "SHX", "<Amt>1500.00</Amt>");
        assertThatThrownBy(() -> Camt053Reader.read(noAmount, seen::add)).isInstanceOf(InvalidStatementException.class)
                .hasMessage("camt053-20261126.xml: entry 1 of statement 40702810000000000099-20261126 has no Amt with its Ccy");
        assertThat(seen).isEmpty();

        Path other = statement("SHX", null);
        Files.writeString(other, Files.readString(other).replace("camt.053.001.08", "camt.053.001.99"));
        assertThatThrownBy(() -> Camt053Reader.read(other, seen::add)).isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("not a camt.053 statement (.001.02, .001.04, .001.05, .001.08) or camt.052 account report");
    }

    /**
     * Money conservation of a statement, in every version read: the booked entries' amounts equal what the events carry
     * (a booking's debited amount, a credit's amount) plus the amounts of the entries kept unmapped; entries not booked
     * yet carry nothing now and are reported again once booked.
     */
    @ParameterizedTest
    @ValueSource(strings = {"camt053-statement.xml", "camt053-statement-v02.xml", "camt053-statement-v04.xml", "camt053-statement-v05.xml"})
    void every_booked_amount_ends_in_an_event_or_an_unmapped_entry(String fixture) throws Exception {
        SentInstructions sent = new SentInstructions(dir.resolve("sent.tsv"));
        sent.sent("SH0123456789ABCDEF0123456789ABCDEF", "acme");
        Path file = Files.move(statement(fixture, "SH0123456789ABCDEF0123456789ABCDEF", null), dir.resolve(fixture));
        java.math.BigDecimal booked = entries(file).stream().filter(e -> "BOOK".equals(e.status())).map(StatementEntry::amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        java.math.BigDecimal carried = java.math.BigDecimal.ZERO;
        java.math.BigDecimal left = java.math.BigDecimal.ZERO;
        for (MappingResult result : read(file, sent)) {
            for (CanonicalEvent event : result.events()) {
                carried = carried.add(event.payload() instanceof PaymentStatus status ? status.debitedAmount().amount()
                        : ((BankCredit) event.payload()).amount().amount());
            }
            for (UnmappedRecord record : result.unmapped()) {
                left = left.add(new java.math.BigDecimal(io.settlehub.contract.EventCodec.mapper().readTree(record.json()).get("amount").asText()));
            }
        }
        assertThat(carried.add(left)).as("events " + carried + " + unmapped " + left).isEqualByComparingTo(booked);
        assertThat(booked).isEqualByComparingTo("11489.50");
    }
}
