package io.settlehub.bank.route;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.inbound.StatementFiles;
import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
import io.settlehub.connector.support.FileInbox;
import io.settlehub.connector.support.PublishSteps;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each bank's SFTP inbox: each camt.053 statement is read (validated, streamed), its booked entries published —
 * debits of our instructions as PAYMENT_STATUS BOOKED, credits as BANK_CREDIT, the rest on hub.connectors.unmapped —
 * and the file moved to {@code processed/}. A file that cannot be read (not the schema, not our account, a broken or
 * hostile XML) moves to {@code error/} once its reason is published; the other files of the inbox are still read. With
 * the broker down a statement stays in the inbox and is read again ({@link FileInbox}).
 */
@Component
public class BankStatementsRoute extends RouteBuilder {

    public static final String ROUTE_ID = "bank-statements-inbox";
    private static final FileInbox INBOX = new FileInbox("processed", "error");

    private final BankProperties bank;
    private final StatementFiles statements;
    private final long pollDelayMs;

    public BankStatementsRoute(BankProperties bank, StatementFiles statements, @Value("${hub.bank.inbox-poll-interval:60000}") long pollDelayMs) {
        this.bank = bank;
        this.statements = statements;
        this.pollDelayMs = pollDelayMs;
    }

    @Override
    public void configure() {
        INBOX.setsAside(this, InvalidStatementException.class, exchange -> statements.failed(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)), constant("bank"));

        for (BankProperties.BankProfile profile : bank.profiles()) {
            String suffix = profile.name().equals("default") ? "" : "-" + profile.name();
            String workDirectory = java.nio.file.Path.of(bank.stateDir(), "bank-inbox-work" + suffix).toAbsolutePath().toString();
            PublishSteps.eventsAndUnmapped(INBOX.reads(from(profile.sftp().inboxUri(pollDelayMs, workDirectory) + FileInbox.moveOption("${file:name}"))
                    .routeId(ROUTE_ID + suffix))
                    .convertBodyTo(java.io.File.class)
                    .process(exchange -> exchange.getMessage().setBody(statements.read(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                            exchange.getMessage().getBody(java.io.File.class)))))
                    .split(simple("${body.reroutes}"))
                        .setHeader(io.settlehub.contract.MessageHeaders.EXCLUDE_BANKS, simple("${body.excluded}"))
                        .setBody(simple("${body.instructionJson}"))
                        .to("jms:queue:" + io.settlehub.contract.Addresses.PAYMENT_INSTRUCTIONS)
                    .end()
                    .process(exchange -> statements.published(exchange.getMessage().getBody(StatementFiles.Read.class)));
        }
    }
}
