package io.settlehub.carrier.api;

import io.settlehub.connector.support.json.PartnerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.settlehub.carrier.config.CdekProperties;
import io.settlehub.carrier.feed.CdekFeed;
import io.settlehub.carrier.partner.cdek.CdekWebhook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CDEK's webhooks, registered as {@code https://<hub>/api/cdek/webhooks/{clientId}?token=<HUB_CDEK_WEBHOOK_SECRET>}
 * (CDEK does not sign its webhooks, so the URL carries a shared secret). An {@code ORDER_STATUS} makes the client's
 * feed follow the order; its cost is read by the next poll. 401: no or a wrong token; 404: a client without a CDEK
 * account; 400: a body that is not a webhook, or a field beyond what CDEK sends (a uuid that is not a UUID…); 413: a body over {@code hub.http.max-body-bytes}; 200 for anything else,
 * so CDEK does not resend what was taken.
 */
@RestController
class CdekWebhookController {

    private static final Logger log = LoggerFactory.getLogger(CdekWebhookController.class);

    private final CdekProperties properties;
    private final CdekFeed feed;

    CdekWebhookController(CdekProperties properties, CdekFeed feed) {
        this.properties = properties;
        this.feed = feed;
    }

    @PostMapping("/api/cdek/webhooks/{clientId}")
    ResponseEntity<Map<String, String>> webhook(@PathVariable String clientId, @RequestParam(required = false) String token,
                                                @RequestBody String body) {
        if (!secretMatches(token)) {
            log.warn("cdek webhook for {} refused: wrong or missing token", clientId);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "a valid token is required"));
        }
        if (properties.account(clientId) == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no CDEK account for client '" + clientId + "'"));
        }
        CdekWebhook webhook;
        try {
            webhook = PartnerJson.mapper().readValue(body, CdekWebhook.class);
        } catch (JsonProcessingException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "not a CDEK webhook: " + e.getOriginalMessage()));
        }
        var problem = webhook.problem();
        if (problem.isPresent()) {
            return ResponseEntity.badRequest().body(Map.of("error", "not a CDEK webhook: " + problem.get()));
        }
        if (!"ORDER_STATUS".equals(webhook.type())) {
            return ResponseEntity.ok(Map.of("status", "ignored", "reason", "type " + webhook.type() + " is not followed"));
        }
        if (webhook.uuid() == null || webhook.uuid().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "ORDER_STATUS without uuid"));
        }
        feed.follow(clientId, webhook.uuid());
        return ResponseEntity.ok(Map.of("status", "following", "uuid", webhook.uuid()));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.settlehub.connector.support.RequestBodyLimitFilter.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", tooLarge.getMessage()));
            }
        }
        return ResponseEntity.badRequest().body(Map.of("error", "not a CDEK webhook: the body cannot be read"));
    }

    private boolean secretMatches(String token) {
        String secret = properties.webhookSecret();
        return secret != null && !secret.isBlank() && token != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
