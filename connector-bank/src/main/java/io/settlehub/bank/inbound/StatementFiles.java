package io.settlehub.bank.inbound;

import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.formats.iso20022.Camt053Reader;
import io.settlehub.bank.formats.iso20022.Iso20022Files;
import io.settlehub.bank.formats.iso20022.Pain002Reader;
import io.settlehub.bank.formats.iso20022.StatementEntry;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file from a bank's inbox, by the message it is (any version read: docs/partners/iso20022.md): a camt.053 statement
 * or a 1C client-bank statement → the events of
 * its booked entries; a pain.002 status report → the statuses of our instructions; anything else is refused. What no
 * one claims is kept for an operator.
 */
public class StatementFiles {

    public static final String FEED = "bank-statements";
    /** Status reports and 1C statements are read whole, so their size is bounded; camt.053 is streamed at any size. */
    public static final long MAX_WHOLE_FILE_BYTES = 64L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(StatementFiles.class);

    private final BankProperties bank;
    private final SentInstructions sent;
    private final FeedMetrics metrics;

    public StatementFiles(BankProperties bank, SentInstructions sent, FeedMetrics metrics) {
        this.bank = bank;
        this.sent = sent;
        this.metrics = metrics;
    }

    /** What one statement file became. */
    public record Read(String fileName, List<CanonicalEvent> events, List<UnmappedRecord> unmapped, List<Rerouting.Reroute> reroutes) {

        Read(String fileName, List<CanonicalEvent> events, List<UnmappedRecord> unmapped) {
            this(fileName, events, unmapped, List.of());
        }
    }

    public Read read(String fileName, File file) {
        if (file.length() == 0) {
            throw new Camt053Reader.InvalidStatementException(fileName + " is empty (0 bytes): not a statement");
        }
        List<CanonicalEvent> events = new ArrayList<>();
        List<UnmappedRecord> unmapped = new ArrayList<>();
        if (isClientBankExchange(file)) {
            requireReadableWhole(fileName, file, "a 1C client-bank statement");
            collect(ClientBankStatementMapper.map(readClientBank(fileName, file), fileName, bank, sent), events, unmapped);
            return new Read(fileName, events, unmapped);
        }
        String message = Iso20022Files.messageOf(file.toPath());
        java.util.function.Consumer<MappingResult> collect = mapped -> {
            events.addAll(mapped.events());
            unmapped.addAll(mapped.unmapped());
        };
        if (Iso20022Files.isCamt053(message)) {
            Camt053Reader.read(file.toPath(), entry -> collect.accept(StatementMapper.map(entry, bank, sent, fileName)));
        } else if (Iso20022Files.isCamt052(message)) {
            // intraday: our payments' debits book them early (their events repeat on the day's statement and apply once);
            // credits wait for the statement, whose entry ids differ from the report's, so none is counted twice
            List<StatementEntry> debits = new ArrayList<>();
            Camt053Reader.read(file.toPath(), entry -> {
                if (!entry.credit()) {
                    debits.add(entry);
                }
            });
            debits.forEach(entry -> collect.accept(StatementMapper.map(entry, bank, sent, fileName)));
            log.info("bank report {} (intraday): {} debit(s) read; credits are taken from the day's statement", fileName, debits.size());
        } else if (Iso20022Files.isPain002(message)) {
            requireReadableWhole(fileName, file, "a pain.002 status report");
            Instant received = Instant.now();
            List<Rerouting.Reroute> reroutes = new ArrayList<>();
            for (Pain002Reader.TransactionStatus status : Pain002Reader.read(file.toPath())) {
                var reroute = Rerouting.decide(status, bank, sent);
                if (reroute.isPresent()) {
                    reroutes.add(reroute.get());
                    collect.accept(StatusReportMapper.rerouted(status, reroute.get().reason(), sent, received));
                } else {
                    collect.accept(StatusReportMapper.map(status, sent, received));
                }
            }
            return new Read(fileName, events, unmapped, reroutes);
        } else {
            throw new Camt053Reader.InvalidStatementException(fileName + " is neither a camt.053 statement (.001.02, .001.04, .001.05,"
                    + " .001.08), a camt.052 account report (.001.05, .001.08) nor a pain.002 status report (.001.03, .001.10)"
                    + " (namespace '" + message + "')");
        }
        return new Read(fileName, events, unmapped);
    }

    private static void requireReadableWhole(String fileName, File file, String what) {
        if (file.length() > MAX_WHOLE_FILE_BYTES) {
            throw new Camt053Reader.InvalidStatementException(fileName + " is " + file.length() + " bytes; " + what
                    + " is read whole and may be at most " + MAX_WHOLE_FILE_BYTES + " bytes");
        }
    }

    private static void collect(MappingResult mapped, List<CanonicalEvent> events, List<UnmappedRecord> unmapped) {
        events.addAll(mapped.events());
        unmapped.addAll(mapped.unmapped());
    }

    private static boolean isClientBankExchange(File file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.toPath())) {
            return new String(in.readNBytes(20), java.nio.charset.StandardCharsets.US_ASCII).equals("1CClientBankExchange");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static io.settlehub.bank.formats.clientbank.ClientBankFile readClientBank(String fileName, File file) {
        try {
            return io.settlehub.bank.formats.clientbank.ClientBankFormat.read(fileName, java.nio.file.Files.readAllBytes(file.toPath()));
        } catch (java.io.IOException e) {
            throw new Camt053Reader.InvalidStatementException(fileName + " cannot be read: " + e.getMessage());
        }
    }

    public void published(Read read) {
        metrics.polled(FEED, "hub", read.events().size(), read.unmapped().size(), Instant.now());
        log.info("bank statement {}: {} event(s), {} entr(ies) for an operator", read.fileName(), read.events().size(), read.unmapped().size());
    }

    public void failed(String fileName, Exception cause) {
        metrics.failed(FEED, "hub", cause);
        log.warn("bank statement {} set aside in error/: {}", fileName, cause.getMessage());
    }
}
