package io.settlehub.core.security;

import io.settlehub.contract.Digests;
import io.settlehub.core.security.ApiTokenRepository;
import io.settlehub.core.security.ApiTokenRepository.StoredToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;

/**
 * API tokens: {@code sht_<tokenId>_<secret>}, 256 random bits, of which only a SHA-256 is stored (a token is as
 * random as a key, so a slow hash adds nothing). Shown once when issued; expire; revocable. The operator token of the
 * environment ({@code HUB_OPERATOR_TOKEN}) is the bootstrap credential that issues the others, compared in constant time.
 */
@Component
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final byte[] bootstrap;

    public ApiTokens(ApiTokenRepository tokens, Clock clock, @Value("${hub.operator-token}") String operatorToken) {
        if (operatorToken == null || operatorToken.length() < 16) {
            throw new IllegalStateException("hub.operator-token (HUB_OPERATOR_TOKEN) must be set, at least 16 characters");
        }
        this.tokens = tokens;
        this.clock = clock;
        this.bootstrap = operatorToken.getBytes(StandardCharsets.UTF_8);
    }

    /** A token as issued: the secret is in {@code token}, and nowhere else afterwards. */
    public record Issued(String tokenId, String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[tokenId=" + tokenId + ", token=****, expiresAt=" + expiresAt + "]";
        }
    }

    public Issued issue(String label, HubPrincipal.Role role, String clientId, Duration validity, String createdBy) {
        String tokenId = HexFormat.of().formatHex(bytes(6));
        String token = "sht_" + tokenId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        tokens.create(tokenId, Digests.sha256Hex(token), label, role.name(), role == HubPrincipal.Role.CLIENT ? clientId : null,
                createdBy, now, expiresAt);
        return new Issued(tokenId, token, expiresAt);
    }

    /** The caller a bearer token stands for; a wrong, expired or revoked token fails, saying which. */
    public HubPrincipal authenticate(String token) {
        if (MessageDigest.isEqual(bootstrap, token.getBytes(StandardCharsets.UTF_8))) {
            return new HubPrincipal("operator-token", HubPrincipal.Role.OPERATOR, null);
        }
        StoredToken stored = tokens.byHash(Digests.sha256Hex(token))
                .orElseThrow(() -> new BadCredentialsException("unknown bearer token"));
        if (stored.revokedAt() != null) {
            throw new DisabledException("token " + stored.tokenId() + " was revoked");
        }
        if (!clock.instant().isBefore(stored.expiresAt())) {
            throw new CredentialsExpiredException("token " + stored.tokenId() + " expired at " + stored.expiresAt());
        }
        return new HubPrincipal("token:" + stored.tokenId(), HubPrincipal.Role.valueOf(stored.role()), stored.clientId());
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
