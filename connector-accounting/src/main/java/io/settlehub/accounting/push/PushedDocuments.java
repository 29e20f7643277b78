package io.settlehub.accounting.push;

import io.settlehub.connector.support.state.StateFile;
import java.nio.file.Path;
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
        return file(clientId, documentId).readJson()
                .map(node -> new Pushed(node.get("refKey").asText(), node.get("version").asInt(), node.get("posted").asBoolean()));
    }

    public void save(String clientId, String documentId, Pushed pushed) {
        file(clientId, documentId).writeJson(Map.of("documentId", documentId, "refKey", pushed.refKey(), "version", pushed.version(),
                "posted", pushed.posted()));
    }

    private StateFile file(String clientId, String documentId) {
        return StateFile.in(directory, clientId, documentId + ".json");
    }
}
