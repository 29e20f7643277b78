package io.settlehub.carrier.partner.cdek;

import io.settlehub.connector.support.json.PartnerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerHttp;
import io.settlehub.connector.support.PartnerRejectedException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * CDEK API v2 for one or more contracts: an OAuth2 client-credentials token per contract, cached until a minute before
 * it expires and fetched again on a 401; calls retried with backoff on 429, 5xx and timeouts, behind a circuit breaker.
 */
public class CdekClient {

    private static final ObjectMapper JSON = PartnerJson.mapper();
    private static final Duration EARLY = Duration.ofMinutes(1);

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private record CachedToken(String value, Instant renewAt) {
    }

    /** A CDEK contract's API credentials (from configuration, never logged). */
    public record Credentials(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", clientSecret=****]";
        }
    }

    public CdekClient(String baseUrl, Duration timeout, Clock clock, Retry retry, CircuitBreaker circuitBreaker) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.clock = clock;
        this.http = PartnerHttp.client(timeout);
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
    }

    public CdekOrder order(Credentials credentials, String uuid) {
        Supplier<CdekOrder> call = () -> {
            HttpResponse<String> response = get(credentials, "/v2/orders/" + uuid);
            if (response.statusCode() == 401) {
                tokens.remove(credentials.clientId());
                response = get(credentials, "/v2/orders/" + uuid);
            }
            return parse(checked("/v2/orders/" + uuid, response), CdekOrder.class, "/v2/orders/" + uuid);
        };
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
    }

    private HttpResponse<String> get(Credentials credentials, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token(credentials)).GET().build(), path);
    }

    private String token(Credentials credentials) {
        CachedToken cached = tokens.get(credentials.clientId());
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(credentials.clientSecret() == null ? "" : credentials.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/oauth/token")).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                "/v2/oauth/token");
        if (response.statusCode() == 401 || response.statusCode() == 400) {
            throw new PartnerRejectedException("cdek refused the credentials of contract " + credentials.clientId() + " ("
                    + response.statusCode() + "): " + PartnerHttp.abbreviate(response.body()));
        }
        TokenResponse token = parse(checked("/v2/oauth/token", response), TokenResponse.class, "/v2/oauth/token");
        if (token.accessToken() == null || token.accessToken().isBlank()) {
            throw new PartnerFormatException("cdek /v2/oauth/token answered without access_token");
        }
        Instant renewAt = clock.instant().plusSeconds(token.expiresIn()).minus(EARLY);
        tokens.put(credentials.clientId(), new CachedToken(token.accessToken(), renewAt));
        return token.accessToken();
    }

    private HttpResponse<String> send(HttpRequest request, String path) {
        return PartnerHttp.send(http, request, PartnerHttp.text(), "cdek " + path, timeout);
    }

    private static HttpResponse<String> checked(String path, HttpResponse<String> response) {
        PartnerHttp.requireSuccess(response.statusCode(), "cdek " + path, response.body());
        return response;
    }

    private static <T> T parse(HttpResponse<String> response, Class<T> type, String path) {
        try {
            T parsed = JSON.readValue(response.body(), type);
            if (parsed == null) {
                throw new PartnerFormatException("cdek " + path + " answered an empty body");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new PartnerFormatException("cdek " + path + " answered a body that is not its published format: " + e.getOriginalMessage());
        }
    }

}
