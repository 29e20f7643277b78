package io.settlehub.core.api;

import io.settlehub.contract.EventCodec;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.JsonFields;
import io.settlehub.core.notify.LiveBalances;
import io.settlehub.core.security.ApiTokenRepository;
import io.settlehub.core.security.ApiTokens;
import io.settlehub.core.security.AuditLog;
import io.settlehub.core.security.AuditRepository;
import io.settlehub.core.security.Callers;
import io.settlehub.core.security.HubPrincipal;
import io.settlehub.core.security.UserRepository;
import io.settlehub.core.settlement.store.ClientRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;

/** Operators manage who may use the hub: API tokens, dashboard users, and the audit log of what operators did. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class AccessController {

    private static final int MAX_TOKEN_DAYS = 366;
    private static final int MAX_LABEL = 200;
    /** bcrypt reads at most 72 bytes: a longer password would be cut silently, so it is refused. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private final ApiTokens tokens;
    private final ApiTokenRepository tokenRepository;
    private final UserRepository users;
    private final ClientRepository clients;
    private final AuditRepository auditRepository;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final LiveBalances live;
    private final Clock clock;

    AccessController(ApiTokens tokens, ApiTokenRepository tokenRepository, UserRepository users, ClientRepository clients,
                     AuditRepository auditRepository, AuditLog audit, PasswordEncoder passwords, LiveBalances live, Clock clock) {
        this.live = live;
        this.tokens = tokens;
        this.tokenRepository = tokenRepository;
        this.users = users;
        this.clients = clients;
        this.auditRepository = auditRepository;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * {@code {"label", "role": "CLIENT"|"OPERATOR", "clientId" (for CLIENT), "validDays" (1–366, default 90)}} → the
     * token, shown this once: only its hash is kept.
     */
    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> issueToken(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RequestBodies.Token.class))) @RequestBody String body) {
        JsonFields p = JsonFields.parse(body).onlyFields("label", "role", "clientId", "validDays");
        HubPrincipal.Role role = role(p);
        String clientId = role == HubPrincipal.Role.CLIENT ? knownClient(p.text("clientId")) : null;
        int days = p.has("validDays") ? p.positiveInt("validDays") : 90;
        if (days > MAX_TOKEN_DAYS) {
            throw new InvalidMessageException("validDays", "must be at most " + MAX_TOKEN_DAYS + ", was " + days);
        }
        ApiTokens.Issued issued = tokens.issue(p.text("label", MAX_LABEL), role, clientId, Duration.ofDays(days), Callers.name());
        audit.record("TOKEN_ISSUED", issued.tokenId(), role + (clientId == null ? "" : " for " + clientId) + ", until " + issued.expiresAt());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tokenId", issued.tokenId());
        answer.put("token", issued.token());
        answer.put("role", role);
        answer.put("clientId", clientId);
        answer.put("expiresAt", issued.expiresAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(EventCodec.write(answer));
    }

    @GetMapping("/tokens")
    List<ApiTokenRepository.StoredToken> listTokens() {
        return tokenRepository.all();
    }

    @DeleteMapping("/tokens/{tokenId}")
    ResponseEntity<Void> revokeToken(@PathVariable String tokenId) {
        if (!tokenRepository.revoke(tokenId, clock.instant())) {
            throw new NotFound("token " + tokenId);
        }
        audit.record("TOKEN_REVOKED", tokenId, null);
        live.closeStreamsOf("token:" + tokenId);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"password" (12+ characters), "role", "clientId" (for CLIENT)}}: creates the user or sets its password. */
    @PutMapping(path = "/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> putUser(@PathVariable String username,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RequestBodies.User.class))) @RequestBody String body) {
        ClientController.Ids.require("username", username);
        JsonFields p = JsonFields.parse(body).onlyFields("password", "role", "clientId");
        HubPrincipal.Role role = role(p);
        String clientId = role == HubPrincipal.Role.CLIENT ? knownClient(p.text("clientId")) : null;
        String password = p.text("password");
        if (password.length() < 12) {
            throw new InvalidMessageException("password", "must be at least 12 characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidMessageException("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt reads no more)");
        }
        users.save(username, passwords.encode(password), role.name(), clientId, clock.instant());
        audit.record("USER_SAVED", username, role + (clientId == null ? "" : " for " + clientId));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", username);
        answer.put("role", role);
        answer.put("clientId", clientId);
        return answer;
    }

    @GetMapping("/users")
    List<Map<String, Object>> listUsers() {
        return users.all().stream().map(u -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", u.username());
            user.put("role", u.role());
            user.put("clientId", u.clientId());
            user.put("lockedUntil", u.lockedUntil());
            return user;
        }).toList();
    }

    @GetMapping("/audit-log")
    List<AuditRepository.Entry> auditLog(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidMessageException("limit", "must be between 1 and 1000, was " + limit);
        }
        return auditRepository.latest(limit);
    }

    private static HubPrincipal.Role role(JsonFields p) {
        String role = p.text("role");
        try {
            return HubPrincipal.Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("role", "must be CLIENT or OPERATOR, was '" + role + "'");
        }
    }

    private String knownClient(String clientId) {
        if (clients.agreementJson(clientId).isEmpty()) {
            throw new InvalidMessageException("clientId", "no client '" + clientId + "'");
        }
        return clientId;
    }
}
