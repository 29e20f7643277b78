package io.settlehub.bank.route;

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

    private final Path directory;

    public UploadAttempts(Path directory) {
        this.directory = directory;
    }

    public boolean begun(String key) {
        return Files.exists(mark(key));
    }

    /** Written and flushed to the disk before the upload. */
    public void begin(String key) {
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
