package io.settlehub.bank.inbound;

import io.settlehub.bank.outbound.SentInstructions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.PaymentStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pain.002 status reports from the inbox: accepted and rejected with the reason; other messages refused. */
class StatusReportTest {

    @TempDir
    Path dir;

    Path report(String version) throws Exception {
        Path report = dir.resolve("pain002-0042.xml");
        Files.writeString(report, new String(getClass().getResourceAsStream("/iso20022/pain002-status.xml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("{{FIRST}}", "SHAAAA0000000000000000000000000001").replace("{{SECOND}}", "SHBBBB0000000000000000000000000002")
                .replace("pain.002.001.10", "pain.002.001." + version));
        return report;
    }

    /** pain.002.001.03, what many banks still send, names what the hub reads as .001.10 does. */
    @ParameterizedTest
    @ValueSource(strings = {"10", "03"})
    void a_status_report_accepts_and_rejects_our_instructions_with_the_reason(String version) throws Exception {
        SentInstructions sent = new SentInstructions(dir.resolve("sent.tsv"));
        sent.sent("SHAAAA0000000000000000000000000001", "acme");
        sent.sent("SHBBBB0000000000000000000000000002", "globex");
        Path report = report(version);
        StatementFiles files = new StatementFiles(StatementMapperTest.BANK, sent, new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));

        List<CanonicalEvent> events = files.read(report.getFileName().toString(), report.toFile()).events();
        assertThat(events).extracting(CanonicalEvent::eventId, CanonicalEvent::clientId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bank:SHAAAA0000000000000000000000000001:RJCT", "acme"),
                org.assertj.core.groups.Tuple.tuple("bank:SHBBBB0000000000000000000000000002:ACSP", "globex"));
        PaymentStatus rejected = (PaymentStatus) events.get(0).payload();
        assertThat(List.of(rejected.status(), rejected.reason())).containsExactly("REJECTED", "AC04: Счёт получателя закрыт");
        assertThat(((PaymentStatus) events.get(1).payload()).status()).isEqualTo("ACCEPTED");
    }

    /**
     * An intraday account report (camt.052) books our payments' debits early; its credits are left to the day's statement,
     * whose entry ids differ from the report's, so that no credit is counted twice.
     */
    @ParameterizedTest
    @ValueSource(strings = {"camt052-report-v05.xml", "camt052-report-v08.xml"})
    void an_intraday_report_books_our_debits_and_leaves_credits_to_the_statement(String fixture) throws Exception {
        SentInstructions sent = new SentInstructions(dir.resolve("sent.tsv"));
        sent.sent("SHAAAA0000000000000000000000000001", "acme");
        Path report = dir.resolve("camt052-intraday.xml");
        Files.writeString(report, new String(getClass().getResourceAsStream("/iso20022/" + fixture).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("{{E2E}}", "SHAAAA0000000000000000000000000001"));
        StatementFiles files = new StatementFiles(StatementMapperTest.BANK, sent, new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));

        StatementFiles.Read read = files.read(report.getFileName().toString(), report.toFile());

        assertThat(read.events()).extracting(CanonicalEvent::eventId).containsExactly("bank:SHAAAA0000000000000000000000000001:BOOKED");
        assertThat(read.unmapped()).as("the fee debit without an end-to-end id still waits for an operator").hasSize(1);
    }

    @Test
    void a_file_that_is_no_message_the_bank_sends_is_refused_naming_it() throws Exception {
        Path other = dir.resolve("pain001-sent-back.xml");
        Files.writeString(other, "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>");
        StatementFiles files = new StatementFiles(StatementMapperTest.BANK, new SentInstructions(dir.resolve("sent.tsv")),
                new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
        assertThatThrownBy(() -> files.read(other.getFileName().toString(), other.toFile())).isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("neither a camt.053 statement (.001.02, .001.04, .001.05, .001.08), a camt.052 account report (.001.05, .001.08) nor a pain.002 status report (.001.03, .001.10)");
    }

    @Test
    void an_earlier_report_without_what_the_hub_reads_is_refused_naming_the_element() throws Exception {
        Path report = report("03");
        Files.writeString(report, Files.readString(report).replace("<TxSts>ACSP</TxSts>", ""));
        StatementFiles files = new StatementFiles(StatementMapperTest.BANK, new SentInstructions(dir.resolve("sent.tsv")),
                new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
        assertThatThrownBy(() -> files.read(report.getFileName().toString(), report.toFile())).isInstanceOf(InvalidStatementException.class)
                .hasMessage("pain002-0042.xml has no TxInfAndSts/TxSts");
    }
}
