package io.settlehub.bank.upload;

import io.settlehub.bank.config.BankProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A mark per upload, on disk before the upload starts: if the connector stops (killed, power lost) between putting a
 * payment file on the bank's server and remembering that it did, the redelivered instruction finds the mark and knows
 * the file may already be at the bank. Marks are named {@code <instructionId>@<bank>}.
 */
public class UploadAttempts {

    /** What an earlier attempt under the same key left: nothing, a file that reached the bank, or no way to tell. */
    public enum Earlier { NONE, AT_BANK, UNKNOWN }

    /** An upload that may throw. */
    @FunctionalInterface
    public interface Upload {
        void run() throws Exception;
    }

    private final Path directory;

    public UploadAttempts(Path directory) {
        this.directory = directory;
    }

    /** Asks the bank only when a mark says an attempt was interrupted; the mark stays for the caller to {@link #end}. */
    public Earlier earlier(String key, BankProperties.Sftp sftp, String fileName) throws Exception {
        if (!Files.exists(mark(key))) {
            return Earlier.NONE;
        }
        return BankOutbox.holds(sftp, fileName) ? Earlier.AT_BANK : Earlier.UNKNOWN;
    }

    /** The upload under a mark written first; a failed upload says so, so its mark is cleared for the retry. */
    public void upload(String key, Upload upload) throws Exception {
        begin(key);
        try {
            upload.run();
        } catch (Exception e) {
            end(key);
            throw e;
        }
    }

    /** Written and flushed to the disk before the upload. */
    private void begin(String key) {
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(mark(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the upload " + key + " as begun", e);
        }
    }

    public void end(String key) {
        try {
            Files.deleteIfExists(mark(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the upload mark " + key, e);
        }
    }

    private Path mark(String key) {
        if (!key.matches("[A-Za-z0-9._@-]+")) {
            throw new IllegalArgumentException("not a safe upload key: " + key);
        }
        return directory.resolve(key);
    }
}
