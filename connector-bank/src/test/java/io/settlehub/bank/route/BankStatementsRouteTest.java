package io.settlehub.bank.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.inbound.StatementFiles;
import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.FileInbox;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.testsupport.BrokerMocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements route's branches with the bank's inbox and the broker replaced (AdviceWith, mock endpoints): a status
 * report's statuses of our instructions become events; a file that is not a report is named on hub.connectors.unmapped
 * and goes to the error folder, never to processed; a broker failure fails the exchange, so the file stays in the inbox.
 */
class BankStatementsRouteTest {

    @TempDir
    Path dir;

    private DefaultCamelContext camel;

    private void start(SentInstructions sent) throws Exception {
        BankProperties bank = new BankProperties(new BankProperties.Debtor("Settlehub LLC", "40702810000000000099", "044525225",
                "7700000000"), new BankProperties.Sftp("127.0.0.1", 22, "bank", "pw", null, "/dev/null", "outbox", "inbox"),
                dir.toString(), List.of());
        camel = BrokerMocks.started(new BankStatementsRoute(bank, new StatementFiles(bank, sent, new FeedMetrics(new SimpleMeterRegistry(),
                Clock.systemUTC())), 60_000), java.util.Map.of(), BankStatementsRoute.ROUTE_ID, "direct:inbox");
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Exchange deliver(Path file) {
        return camel.createProducerTemplate().send("direct:inbox", exchange -> {
            exchange.getMessage().setBody(file.toFile());
            exchange.getMessage().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
        });
    }

    /** Instructions to acme and globex sent to the bank, so that a status report of them is ours. */
    private void startWithTwoInstructionsSent() throws Exception {
        SentInstructions sent = new SentInstructions(dir.resolve("sent.tsv"));
        sent.sent("SHAAAA0000000000000000000000000001", "acme");
        sent.sent("SHBBBB0000000000000000000000000002", "globex");
        start(sent);
    }

    /** The bank's pain.002 answering both: the first rejected, the second accepted. */
    private Path statusReportOfBoth() throws Exception {
        Path report = dir.resolve("pain002-20261201.xml");
        Files.writeString(report, new String(getClass().getResourceAsStream("/iso20022/pain002-status.xml").readAllBytes(),
                StandardCharsets.UTF_8).replace("{{FIRST}}", "SHAAAA0000000000000000000000000001")
                .replace("{{SECOND}}", "SHBBBB0000000000000000000000000002"));
        return report;
    }

    @Test
    void a_status_report_of_our_instructions_becomes_their_payment_statuses() throws Exception {
        startWithTwoInstructionsSent();
        Path report = statusReportOfBoth();

        Exchange read = deliver(report);

        assertThat(FileInbox.destination(read)).isEqualTo("processed");
        MockEndpoint events = camel.getEndpoint(HubEndpoints.EVENTS, MockEndpoint.class);
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MessageHeaders.DUPLICATE_ID))
                .containsExactly("bank:SHAAAA0000000000000000000000000001:RJCT", "bank:SHBBBB0000000000000000000000000002:ACSP");
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MessageHeaders.GROUP_ID))
                .containsExactly("acme", "globex");
    }

    @Test
    void a_file_that_is_no_report_is_named_for_an_operator_and_set_aside_in_the_error_folder() throws Exception {
        start(new SentInstructions(dir.resolve("sent.tsv")));
        Path junk = dir.resolve("statement-20261201.xml");
        Files.writeString(junk, "<Document><not-closed>");

        Exchange read = deliver(junk);

        assertThat(read.getException()).isNull();
        assertThat(FileInbox.destination(read)).isEqualTo("error");

        MockEndpoint unmapped = camel.getEndpoint(HubEndpoints.UNMAPPED, MockEndpoint.class);
        assertThat(unmapped.getReceivedExchanges()).hasSize(1);
        assertThat(unmapped.getReceivedExchanges().get(0).getMessage().getHeader(MessageHeaders.FAILURE_REASON, String.class))
                .contains("statement-20261201.xml");
        assertThat(camel.getEndpoint(HubEndpoints.EVENTS, MockEndpoint.class).getReceivedCounter()).isZero();
    }

    @Test
    void a_statement_the_broker_cannot_take_fails_so_the_inbox_reads_it_again_and_sets_nothing_aside() throws Exception {
        startWithTwoInstructionsSent();
        camel.getEndpoint(HubEndpoints.EVENTS, MockEndpoint.class).whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("AMQ219010: connection is destroyed");
        });
        Path report = statusReportOfBoth();

        Exchange read = deliver(report);

        assertThat(read.getException()).as("a failed exchange: the file consumer leaves the file in the inbox").isNotNull();
        assertThat(camel.getEndpoint(HubEndpoints.UNMAPPED, MockEndpoint.class).getReceivedCounter()).isZero();
    }
}
