package io.settlehub.bank.outbound;

import io.settlehub.bank.upload.CrashSafeUpload;
import io.settlehub.bank.upload.GuardedUpload;
import io.settlehub.bank.upload.UploadAttempts;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.config.BankProperties.BankProfile;
import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.PaymentInstruction;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a batching bank its waiting instructions as one file: the batch is sealed first (so a restart sends the very
 * same batch under the same name), written in the bank's format, uploaded, recorded per instruction, and only then
 * marked sent. Past the bank's cut-off, the batch asks for execution on the next business day. Like single uploads
 * ({@link CrashSafeUpload}), an upload interrupted by the connector stopping is never repeated blindly: found at the
 * bank, the batch is recorded as sent; gone from the bank's outbox, it is set aside for a person.
 */
@Component
public class BatchFlusher {

    private static final Logger log = LoggerFactory.getLogger(BatchFlusher.class);

    private final BankProperties bank;
    private final BatchStore store;
    private final PaymentFileBuilder files;
    private final GuardedUpload upload;
    private final SentInstructions sent;
    private final UploadAttempts attempts;
    private final CamelContext camel;
    private final Clock clock;

    public BatchFlusher(BankProperties bank, BatchStore store, PaymentFileBuilder files, GuardedUpload upload, SentInstructions sent,
                        UploadAttempts attempts, CamelContext camel, Clock clock) {
        this.bank = bank;
        this.store = store;
        this.files = files;
        this.upload = upload;
        this.sent = sent;
        this.attempts = attempts;
        this.camel = camel;
        this.clock = clock;
    }

    public void flush(String bankName) throws Exception {
        BankProfile to = bank.profiles().stream().filter(b -> b.name().equals(bankName)).findFirst().orElseThrow();
        var batch = store.next(bankName);
        if (batch.isEmpty()) {
            return;
        }
        LocalDate executeOn = executionDate(to);
        List<PaymentInstruction> instructions = batch.get().instructions().stream().map(PaymentInstruction::fromJson)
                .map(i -> i.requestedExecutionDate().isBefore(executeOn) ? new PaymentInstruction(i.instructionId(), i.clientId(), i.payee(),
                        i.amount(), i.purpose(), executeOn) : i).toList();
        PaymentFileBuilder.PaymentFile file = files.file(to, batch.get().id(), instructions);
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(MessageHeaders.BANK, bankName);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, file.fileName());
        exchange.getMessage().setBody(file.content());
        String key = batch.get().id() + "@" + bankName;
        switch (attempts.earlier(key, to.sftp(), file.fileName())) {
            case AT_BANK -> log.warn("{} was already in {}'s outbox from an upload interrupted before it was recorded; not sent again",
                    file.fileName(), bankName);
            case UNKNOWN -> {
                store.setAside(bankName, batch.get().id());
                attempts.end(key);
                log.error("batch {} for {} set aside: an upload of {} was interrupted before it was recorded, and the file is not in "
                        + "the bank's outbox: the bank may have collected it already. Check with the bank; to send it, move "
                        + "bank-batches/{}/uncertain/{} back to sealed/", batch.get().id(), bankName, file.fileName(), bankName,
                        batch.get().id());
                return;
            }
            case NONE -> attempts.upload(key, () -> upload.upload(exchange));
        }
        file.recordIn(sent);
        store.sent(bankName, batch.get().id());
        attempts.end(key);
        log.info("uploaded {} to {}: {} instruction(s), execution on {}", file.fileName(), bankName, instructions.size(), executeOn);
    }

    /** Today before the bank's cut-off (Moscow), else the next business day (weekends skipped). */
    LocalDate executionDate(BankProfile to) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(BusinessCalendar.ZONE));
        LocalDate day = now.toLocalDate();
        if (to.cutOff() != null && now.toLocalTime().isAfter(to.cutOff())) {
            day = day.plusDays(1);
        }
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
