package io.settlehub.bank.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose each instruction this connector sent to the bank was: the bank's statements name only the end-to-end id, and
 * a canonical event needs the client. Appended to a file when a file is uploaded, read back at start.
 */
public class SentInstructions {

    private final Path file;
    private final Map<String, String> clientByInstruction = new ConcurrentHashMap<>();

    public SentInstructions(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.split("\t");
                    if (parts.length == 2) {
                        clientByInstruction.put(parts[0], parts[1]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    public synchronized void sent(String instructionId, String clientId) {
        if (clientByInstruction.putIfAbsent(instructionId, clientId) != null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, instructionId + "\t" + clientId + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record instruction " + instructionId, e);
        }
    }

    public Optional<String> clientOf(String instructionId) {
        return Optional.ofNullable(instructionId == null ? null : clientByInstruction.get(instructionId));
    }
}
