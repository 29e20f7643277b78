package io.settlehub.core.api;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.Money;
import io.settlehub.core.accounting.AccountingClose;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.notify.BucketBalances;
import io.settlehub.core.reports.ClientReports;
import io.settlehub.core.reports.Words;
import io.settlehub.core.text.Readable;
import io.settlehub.core.reports.CsvReport;
import io.settlehub.core.reports.PdfReport;
import io.settlehub.core.reports.Report;
import io.settlehub.core.reports.XlsxReport;
import io.settlehub.core.settlement.store.ClientRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A client's statement and agent's report for a period, as CSV, XLSX or PDF (the same figures in each). */
@RestController
@RequestMapping("/api/clients/{clientId}/reports")
class ReportController {

    private final ClientRepository clients;
    private final BucketBalances balances;
    private final LedgerRepository ledger;
    private final AccountingClose accounting;

    private final org.springframework.context.MessageSource messages;

    ReportController(ClientRepository clients, BucketBalances balances, LedgerRepository ledger, AccountingClose accounting,
                     org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.clients = clients;
        this.balances = balances;
        this.ledger = ledger;
        this.accounting = accounting;
    }

    enum Format {
        CSV("text/csv;charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    @GetMapping("/statement")
    ResponseEntity<byte[]> statement(@PathVariable String clientId, @RequestParam String from, @RequestParam String to,
                                     @RequestParam(defaultValue = "xlsx") String format, java.util.Locale locale) {
        requireKnown(clientId);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidMessageException("to", "must not be before from (" + from + "): the period is reversed");
        }
        Instant start = first.atStartOfDay(BusinessCalendar.ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant();
        Map<String, Map<String, Money>> closing = new TreeMap<>();
        for (Map<String, String> b : balances.of(clientId)) {
            String ccy = b.get("currency");
            Map<String, Money> buckets = new TreeMap<>();
            b.forEach((bucket, amount) -> {
                if (!bucket.equals("currency")) {
                    buckets.put(bucket, Money.of(amount, ccy));
                }
            });
            closing.put(ccy, buckets);
        }
        for (LedgerRepository.Movement since : ledger.movements(clientId, end, Instant.parse("9999-01-01T00:00:00Z"))) {
            closing.computeIfAbsent(since.amount().currency(), c -> new TreeMap<>())
                    .merge(since.bucket(), since.amount().negate(), Money::plus);
        }
        Report report = ClientReports.statement(clientId, first, last, closing, ledger.movements(clientId, start, end), words(locale));
        return file(report, format(format), "statement-" + clientId + "-" + first + "-" + last);
    }

    @GetMapping("/agent-report")
    ResponseEntity<byte[]> agentReport(@PathVariable String clientId, @RequestParam String period,
                                       @RequestParam(defaultValue = "xlsx") String format, java.util.Locale locale) {
        requireKnown(clientId);
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("period", "must be a month as YYYY-MM, was '" + period + "'");
        }
        Report report = ClientReports.agentReport(clientId, month, accounting.agentReports(clientId, month), words(locale));
        return file(report, format(format), "agent-report-" + clientId + "-" + month);
    }

    /** The reader's language (Russian unless {@code lang=en} or the client's Accept-Language prefers English). */
    private Words words(java.util.Locale locale) {
        Readable fmt = new Readable(locale, BusinessCalendar.ZONE);
        return new Words() {
            @Override
            public String of(String key, Object... args) {
                return messages.getMessage(key, args, fmt.locale());
            }

            @Override
            public String ofOrNull(String key) {
                return messages.getMessage(key, null, null, fmt.locale());
            }

            @Override
            public Readable fmt() {
                return fmt;
            }
        };
    }

    private static ResponseEntity<byte[]> file(Report report, Format format, String name) {
        byte[] content = switch (format) {
            case CSV -> CsvReport.write(report);
            case XLSX -> XlsxReport.write(report);
            case PDF -> PdfReport.write(report);
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format.extension).build()
                        .toString()).body(content);
    }

    private static Format format(String text) {
        try {
            return Format.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("format", "must be csv, xlsx or pdf, was '" + text + "'");
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(field, "is not an ISO date (YYYY-MM-DD): '" + text + "'");
        }
    }

    private void requireKnown(String clientId) {
        if (clients.agreementJson(clientId).isEmpty()) {
            throw new NotFound("client " + clientId);
        }
    }
}
