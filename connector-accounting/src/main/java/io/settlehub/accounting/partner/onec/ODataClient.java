package io.settlehub.accounting.partner.onec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerHttp;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.connector.support.PartnerUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One 1C:Enterprise infobase's standard OData interface (OData v3, JSON): queries with {@code $filter}, create
 * ({@code POST Document_X}), update ({@code PATCH Document_X(guid'…')}) and posting
 * ({@code POST Document_X(guid'…')/Post?PostingModeOperational=false}). Calls pass a circuit breaker and are retried with
 * backoff when 1C is unreachable, times out or answers 5xx; a 4xx is 1C refusing the request, and its error text
 * ({@code odata.error.message.value}) is what the exception says.
 */
public class ODataClient {

    private static final ObjectMapper JSON = OneCJson.MAPPER;

    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public ODataClient(String baseUrl, String user, String password, Duration timeout, Retry retry, CircuitBreaker circuitBreaker) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = PartnerHttp.client(timeout);
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
    }

    /** The Ref_Key of the first object of the set matching the filter (an OData {@code $filter} expression). */
    public Optional<String> findKey(String entitySet, String filter) {
        JsonNode value = query(entitySet, filter, "Ref_Key", null, 1, 0);
        return value.isEmpty() ? Optional.empty() : Optional.of(value.get(0).path("Ref_Key").asText());
    }

    /** The objects of a set matching the filter, in the order asked, one page. */
    public JsonNode query(String entitySet, String filter, String select, String orderBy, int top, int skip) {
        StringBuilder query = new StringBuilder("$format=json&$top=").append(top);
        if (skip > 0) {
            query.append("&$skip=").append(skip);
        }
        if (filter != null) {
            query.append("&$filter=").append(encode(filter));
        }
        if (select != null) {
            query.append("&$select=").append(encode(select));
        }
        if (orderBy != null) {
            query.append("&$orderby=").append(encode(orderBy));
        }
        JsonNode body = call("GET", encode(entitySet) + "?" + query, null, "query " + entitySet);
        JsonNode value = body.get("value");
        if (value == null || !value.isArray()) {
            throw new PartnerFormatException("1C " + entitySet + ": the answer has no 'value' array");
        }
        return value;
    }

    /** One object by its key, with the fields asked for. */
    public JsonNode byKey(String entitySet, String refKey, String select) {
        return call("GET", keyed(entitySet, refKey) + "?$format=json" + (select == null ? "" : "&$select=" + encode(select)), null,
                "read " + entitySet);
    }

    /** Creates the object and answers its Ref_Key. */
    public String create(String entitySet, ObjectNode body) {
        JsonNode created = call("POST", encode(entitySet) + "?$format=json", body, "create in " + entitySet);
        String key = created.path("Ref_Key").asText("");
        if (key.isEmpty()) {
            throw new PartnerFormatException("1C created an object in " + entitySet + " but answered no Ref_Key");
        }
        return key;
    }

    public void update(String entitySet, String refKey, ObjectNode body) {
        call("PATCH", keyed(entitySet, refKey) + "?$format=json", body, "update " + entitySet);
    }

    /** Posts (проводит) the document; not operational posting, so a past-dated document posts too. */
    public void post(String entitySet, String refKey) {
        call("POST", keyed(entitySet, refKey) + "/Post?PostingModeOperational=false", null, "post " + entitySet);
    }

    private JsonNode call(String method, String pathAndQuery, ObjectNode body, String what) {
        Supplier<JsonNode> attempt = () -> send(method, pathAndQuery, body, what);
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, attempt)).get();
    }

    private JsonNode send(String method, String pathAndQuery, ObjectNode body, String what) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the body of " + what, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + pathAndQuery)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = PartnerHttp.send(http, request.build(), PartnerHttp.text(),
                "1C " + what, timeout);
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new PartnerUnavailableException("1C " + what + " answered " + status + ": " + ODataError.text(response.body()));
        }
        if (status >= 400) {
            throw new PartnerRejectedException("1C refused to " + what + " (" + status + "): " + ODataError.text(response.body()));
        }
        if (response.body() == null || response.body().isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PartnerFormatException("1C " + what + ": the answer is not JSON: " + PartnerHttp.abbreviate(response.body()));
        }
    }

    /** {@code Document_X(guid'…')} with the set's name percent-encoded (1C's names are Cyrillic). */
    private static String keyed(String entitySet, String refKey) {
        if (!refKey.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("not a 1C Ref_Key: " + refKey);
        }
        return encode(entitySet) + "(guid'" + refKey + "')";
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An OData string literal: single quotes doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public static List<String> keysOf(JsonNode value) {
        List<String> keys = new ArrayList<>();
        value.forEach(v -> keys.add(v.path("Ref_Key").asText()));
        return keys;
    }
}
