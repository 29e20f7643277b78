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

    public Optional<Watermark> load(String feed, String clientId) {
        Path file = file(feed, clientId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = EventCodec.mapper().readTree(file.toFile());
            return Optional.of(new Watermark(LocalDate.parse(node.get("accrualDate").asText()), node.path("lastId").asText(""),
                    LocalDate.parse(node.get("payoutsFrom").asText())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read watermark " + file, e);
        }
    }

    public void save(String feed, String clientId, Watermark watermark) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("accrualDate", watermark.accrualDate().toString());
        body.put("lastId", watermark.lastId());
        body.put("payoutsFrom", watermark.payoutsFrom().toString());
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, feed, ".tmp");
            Files.writeString(temp, EventCodec.write(body));
            Files.move(temp, file(feed, clientId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write watermark for " + feed + "/" + clientId, e);
        }
    }

    private Path file(String feed, String clientId) {
        return directory.resolve(feed + "-" + clientId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }
}
