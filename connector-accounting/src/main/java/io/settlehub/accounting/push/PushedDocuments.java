package io.settlehub.accounting.push;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * What the connector has pushed to each client's 1C: per document, its Ref_Key there, the version sent and whether it
 * was posted. One small JSON file per document, replaced atomically; losing them costs only a lookup in 1C by the
 * document's comment, never a duplicate.
 */
public class PushedDocuments {

    private final Path directory;

    public PushedDocuments(Path directory) {
        this.directory = directory;
    }

    public record Pushed(String refKey, int version, boolean posted) {
    }

    public Optional<Pushed> get(String clientId, String documentId) {
        Path file = file(clientId, documentId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = EventCodec.mapper().readTree(file.toFile());
            return Optional.of(new Pushed(node.get("refKey").asText(), node.get("version").asInt(), node.get("posted").asBoolean()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void save(String clientId, String documentId, Pushed pushed) {
        Path target = file(clientId, documentId);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "pushed", ".tmp");
            Files.writeString(temp, EventCodec.write(Map.of("documentId", documentId, "refKey", pushed.refKey(),
                    "version", pushed.version(), "posted", pushed.posted())));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private Path file(String clientId, String documentId) {
        return directory.resolve(safe(clientId)).resolve(safe(documentId) + ".json");
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
