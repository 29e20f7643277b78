package io.settlehub.marketplace.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Watermarks as small JSON files, replaced atomically, so a restart resumes where the last poll committed. */
public class WatermarkStore {

    private final Path directory;

    public WatermarkStore(Path directory) {
        this.directory = directory;
    }

    /** Where the feeds keep their state. */
    public Path directory() {
        return directory;
    }

    public Optional<Watermark> load(String feed, String clientId) {
        return read(feed, clientId).map(node -> new Watermark(LocalDate.parse(node.get("accrualDate").asText()),
                node.path("lastId").asText(""), LocalDate.parse(node.get("payoutsFrom").asText())));
    }

    private Optional<JsonNode> read(String feed, String clientId) {
        Path file = file(feed, clientId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventCodec.mapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read watermark " + file, e);
        }
    }

    public void save(String feed, String clientId, Watermark watermark) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("accrualDate", watermark.accrualDate().toString());
        body.put("lastId", watermark.lastId());
        body.put("payoutsFrom", watermark.payoutsFrom().toString());
        write(feed, clientId, body);
    }

    private void write(String feed, String clientId, Map<String, String> body) {
        replaceAtomically(file(feed, clientId), EventCodec.write(body));
    }

    private void replaceAtomically(Path target, String content) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "state", ".tmp");
            Files.writeString(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The next month a monthly feed handles for the client, if any was committed. */
    public Optional<java.time.YearMonth> loadMonth(String feed, String clientId) {
        return read(feed, clientId).map(node -> java.time.YearMonth.parse(node.get("nextMonth").asText()));
    }

    public void saveMonth(String feed, String clientId, java.time.YearMonth next) {
        write(feed, clientId, Map.of("nextMonth", next.toString()));
    }

    /** The day a date-windowed feed asks from next, if any was committed. */
    public Optional<LocalDate> loadDate(String feed, String clientId) {
        return read(feed, clientId).map(node -> LocalDate.parse(node.get("dateFrom").asText()));
    }

    public void saveDate(String feed, String clientId, LocalDate dateFrom) {
        write(feed, clientId, Map.of("dateFrom", dateFrom.toString()));
    }

    /** The time (in the partner's zone) a modification-windowed feed asks from next, if any was committed. */
    public Optional<java.time.LocalDateTime> loadTime(String feed, String clientId) {
        return read(feed, clientId).map(node -> java.time.LocalDateTime.parse(node.get("since").asText()));
    }

    public void saveTime(String feed, String clientId, java.time.LocalDateTime since) {
        write(feed, clientId, Map.of("since", since.toString()));
    }

    /** Keeps a document the feed received (a monthly report) beside the watermarks. */
    public void keep(String name, String json) {
        replaceAtomically(directory.resolve(name), json);
    }

    private Path file(String feed, String clientId) {
        return directory.resolve(feed + "-" + clientId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }
}
