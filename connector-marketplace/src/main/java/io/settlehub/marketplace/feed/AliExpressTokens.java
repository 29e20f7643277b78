package io.settlehub.marketplace.feed;

import io.settlehub.connector.support.state.StateFile;
import io.settlehub.marketplace.config.AliExpressProperties.Account;
import java.nio.file.Path;
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
        return file(account.clientId()).readJson()
                .map(node -> new Pair(node.get("accessToken").asText(), node.get("refreshToken").asText()))
                .orElseGet(() -> new Pair(account.accessToken(), account.refreshToken()));
    }

    public void replace(Account account, Pair tokens) {
        file(account.clientId()).writeJson(Map.of("accessToken", tokens.accessToken(), "refreshToken", tokens.refreshToken()));
    }

    private StateFile file(String clientId) {
        return StateFile.in(directory, "aliexpress-tokens-" + clientId + ".json");
    }
}
