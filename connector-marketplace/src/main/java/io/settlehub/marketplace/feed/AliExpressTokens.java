package io.settlehub.marketplace.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.EventCodec;
import io.settlehub.marketplace.config.AliExpressProperties.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A seller account's current AliExpress tokens. The configured pair is the start; each refresh replaces both (the
 * platform rotates the refresh token), so the new pair is kept in the state directory, readable by the owner only,
 * and wins over the configuration from then on.
 */
public class AliExpressTokens {

    /** An access token and the refresh token that renews it. */
    public record Pair(String accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "Pair[****]";
        }
    }

    private final Path directory;

    public AliExpressTokens(Path directory) {
        this.directory = directory;
    }

    public Pair current(Account account) {
        Path file = file(account.clientId());
        if (!Files.exists(file)) {
            return new Pair(account.accessToken(), account.refreshToken());
        }
        try {
            JsonNode node = EventCodec.mapper().readTree(file.toFile());
            return new Pair(node.get("accessToken").asText(), node.get("refreshToken").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AliExpress tokens of " + account.clientId(), e);
        }
    }

    public void replace(Account account, Pair tokens) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "tokens", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(temp, EventCodec.write(Map.of("accessToken", tokens.accessToken(), "refreshToken", tokens.refreshToken())));
            Files.move(temp, file(account.clientId()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the AliExpress tokens of " + account.clientId(), e);
        }
    }

    private Path file(String clientId) {
        return directory.resolve("aliexpress-tokens-" + clientId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }
}
