package io.settlehub.bank.upload;

import io.settlehub.contract.MessageHeaders;
import io.settlehub.bank.config.BankProperties;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An instruction's own file, uploaded so that a connector stopping mid-way never makes the bank pay twice. Before the
 * upload a mark is written ({@link UploadAttempts}); once the instruction is remembered as sent, the mark goes. A
 * redelivered instruction that finds a mark was being uploaded when the connector stopped:
 * <ul>
 *   <li>its file is in the bank's outbox → the upload had completed: it is remembered as sent, not uploaded again;</li>
 *   <li>its file is not there → the bank may already have collected it, or the upload never finished; which, only the
 *   bank can say. The instruction is dead-lettered with that reason; an operator who checked with the bank replays it.</li>
 * </ul>
 */
@Component
public class CrashSafeUpload {

    private static final Logger log = LoggerFactory.getLogger(CrashSafeUpload.class);

    private final GuardedUpload upload;
    private final UploadAttempts attempts;
    private final IdempotentRepository sent;
    private final BankProperties bank;

    public CrashSafeUpload(GuardedUpload upload, UploadAttempts attempts, IdempotentRepository sentInstructions, BankProperties bank) {
        this.upload = upload;
        this.attempts = attempts;
        this.sent = sentInstructions;
        this.bank = bank;
    }

    /** The file to upload is the message body, its name {@code CamelFileName}; the bank is the {@code bank} header. */
    public void upload(Exchange exchange) throws Exception {
        String key = key(exchange);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        String bankName = exchange.getMessage().getHeader(MessageHeaders.BANK, String.class);
        switch (attempts.earlier(key, profile(bankName).sftp(), fileName)) {
            case AT_BANK -> log.warn("{} was already in {}'s outbox from an upload interrupted before it was recorded; not sent again",
                    fileName, bankName);
            case UNKNOWN -> {
                attempts.end(key); // dead-lettered below: a replay by an operator is the decision to send it
                throw new UncertainUploadException("instruction " + exchange.getMessage().getHeader(MessageHeaders.INSTRUCTION_ID) + ": an upload of "
                        + fileName + " to " + bankName + " was interrupted before it was recorded, and the file is not in the "
                        + "bank's outbox: the bank may have collected it already. Check with the bank; replay this message only if "
                        + "the bank has no such payment");
            }
            case NONE -> {
                attempts.upload(key, () -> upload.upload(exchange));
                log.info("uploaded {} to {} for instruction {}", fileName, bankName, exchange.getMessage().getHeader(MessageHeaders.INSTRUCTION_ID));
            }
        }
    }

    /** After the upload: remembered as sent (on disk) first, then the mark cleared. */
    public void recorded(Exchange exchange) {
        String key = key(exchange);
        sent.add(exchange.getMessage().getHeader(MessageHeaders.INSTRUCTION_ID, String.class) + ":" + exchange.getMessage().getHeader(MessageHeaders.BANK, String.class));
        attempts.end(key);
    }

    private BankProperties.BankProfile profile(String name) {
        return bank.profiles().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bank profile '" + name + "'"));
    }

    private static String key(Exchange exchange) {
        return exchange.getMessage().getHeader(MessageHeaders.INSTRUCTION_ID, String.class) + "@" + exchange.getMessage().getHeader(MessageHeaders.BANK, String.class);
    }

    /** The outcome of an interrupted upload cannot be known here. */
    public static class UncertainUploadException extends RuntimeException {
        public UncertainUploadException(String message) {
            super(message);
        }
    }
}
