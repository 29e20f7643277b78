package io.settlehub.bank.outbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The instructions a batching bank has not been sent yet, kept on disk so that a kill after the broker message was
 * acknowledged loses nothing: {@code pending/<instruction>.json} (written, synced and renamed into place before the
 * message is acknowledged), {@code sealed/<batch>/} (a batch being sent: its file is written and uploaded under the
 * batch's name, again after a restart), {@code sent/<batch>/} (done), {@code uncertain/<batch>/} (an upload was
 * interrupted and its file is no longer at the bank: set aside for a person; moving it back to {@code sealed/} sends
 * it). An instruction already in any of them is not queued again.
 */
public class BatchStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Path root;
    private final Clock clock;

    public BatchStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** A sealed batch: its id and its instructions (JSON), oldest first. */
    public record Batch(String id, List<String> instructions) {
    }

    public synchronized boolean enqueue(String bank, String instructionId, String json) {
        String name = safe(instructionId) + ".json";
        if (Files.exists(dir(bank, "pending").resolve(name)) || inAny(bank, "sealed", name) || inAny(bank, "sent", name)
                || inAny(bank, "uncertain", name)) {
            return false;
        }
        try {
            Path pending = Files.createDirectories(dir(bank, "pending"));
            Path temp = Files.createTempFile(pending, ".queue", ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.SYNC);
            Files.move(temp, pending.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot queue instruction " + instructionId + " for " + bank, e);
        }
    }

    /** The batch to send now: one sealed earlier and not sent (a restart), else the pending instructions, sealed now. */
    public synchronized Optional<Batch> next(String bank) {
        try {
            Optional<Path> unsent = list(dir(bank, "sealed")).stream().filter(Files::isDirectory).min(Comparator.naturalOrder());
            if (unsent.isPresent()) {
                return Optional.of(read(unsent.get()));
            }
            List<Path> pending = list(dir(bank, "pending")).stream().filter(p -> p.toString().endsWith(".json")).toList();
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            String stamp = safe(bank).toUpperCase() + "-" + STAMP.format(clock.instant().atZone(io.settlehub.contract.BusinessCalendar.ZONE));
            String id = stamp;
            for (int n = 2; Files.exists(dir(bank, "sealed").resolve(id)) || Files.exists(dir(bank, "sent").resolve(id)); n++) {
                id = stamp + "-" + n;
            }
            Path sealed = Files.createDirectories(dir(bank, "sealed").resolve(id));
            for (Path file : pending) {
                Files.move(file, sealed.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(read(sealed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal a batch for " + bank, e);
        }
    }

    public synchronized void sent(String bank, String batchId) {
        move(bank, batchId, "sent");
    }

    /** Out of the way of the next flushes until a person decides; the batch's instructions are not queued again. */
    public synchronized void setAside(String bank, String batchId) {
        move(bank, batchId, "uncertain");
    }

    private void move(String bank, String batchId, String state) {
        try {
            Files.createDirectories(dir(bank, state));
            Files.move(dir(bank, "sealed").resolve(batchId), dir(bank, state).resolve(batchId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move batch " + batchId + " of " + bank + " to " + state, e);
        }
    }

    private Batch read(Path sealed) throws IOException {
        List<String> instructions = new ArrayList<>();
        for (Path file : list(sealed)) {
            if (file.toString().endsWith(".json")) {
                instructions.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return new Batch(sealed.getFileName().toString(), instructions);
    }

    private boolean inAny(String bank, String state, String name) {
        return list(dir(bank, state)).stream().anyMatch(batch -> Files.exists(batch.resolve(name)));
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private Path dir(String bank, String state) {
        return root.resolve(safe(bank)).resolve(state);
    }

    private static String safe(String name) {
        return io.settlehub.connector.support.state.FileNames.safe(name);
    }
}
