package io.settlehub.marketplace.partner.wildberries;

import io.settlehub.connector.support.json.PartnerJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerHttp;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.connector.support.PartnerUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Wildberries detailed realization report, one page per call: {@code GET /api/v5/supplier/reportDetailByPeriod}
 * of the statistics API, or {@code POST /api/finance/v1/sales-reports/detailed} of the finance API. The token goes
 * raw in {@code Authorization}. A page (up to 100,000 rows) is parsed as it streams in, row by row, never held whole.
 * Calls are paced by the account's rate limiter (WB allows one per minute), retried with backoff on 429, 5xx, timeouts
 * and I/O errors before any row was handed on, and guarded by a circuit breaker.
 */
public class WildberriesClient {

    /** Which API serves the report. */
    public enum Api { STATISTICS, FINANCE }

    private static final ObjectMapper JSON = PartnerJson.mapper();

    private final Api api;
    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public WildberriesClient(Api api, String baseUrl, Duration timeout, Retry retry, CircuitBreaker circuitBreaker) {
        this.api = api;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = PartnerHttp.client(timeout);
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
    }

    /** What one page held: how many rows, and the last row's id (the cursor of the next page). */
    public record Page(int rows, long lastRrdId) {
    }

    /** Reads the page after {@code rrdId} (0 for the first), handing each row on as it is parsed. */
    public Page page(String token, RateLimiter limiter, LocalDate from, LocalDate to, long rrdId, int limit, Consumer<ReportRow> rows) {
        HttpRequest request = request(token, from, to, rrdId, limit);
        java.util.function.Supplier<HttpResponse<InputStream>> call = () -> send(request);
        HttpResponse<InputStream> response = Retry.decorateSupplier(retry,
                RateLimiter.decorateSupplier(limiter, CircuitBreaker.decorateSupplier(circuitBreaker, call))).get();
        return read(response, rows);
    }

    private HttpRequest request(String token, LocalDate from, LocalDate to, long rrdId, int limit) {
        HttpRequest.Builder builder;
        if (api == Api.STATISTICS) {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v5/supplier/reportDetailByPeriod?dateFrom=" + from
                    + "&dateTo=" + to + "&limit=" + limit + "&rrdid=" + rrdId)).GET();
        } else {
            String body = PartnerJson.write(Map.of("dateFrom", from.toString(), "dateTo", to.toString(), "limit", limit,
                    "rrdId", rrdId, "period", "weekly"));
            builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/finance/v1/sales-reports/detailed"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.timeout(timeout).header("Authorization", token == null ? "" : token).build();
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        String what = "wildberries " + request.uri().getPath();
        HttpResponse<InputStream> response;
        response = PartnerHttp.send(http, request, HttpResponse.BodyHandlers.ofInputStream(), what, timeout);
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new PartnerUnavailableException(what + " answered " + status + ": " + drain(response));
        }
        if (status == 401 || status == 403) {
            throw new PartnerRejectedException(what + " refused the token with " + status
                    + " (expired or revoked? a new one goes in the account's api-token): " + drain(response));
        }
        if (status >= 400) {
            throw new PartnerRejectedException(what + " rejected the request with " + status + ": " + drain(response));
        }
        return response;
    }

    private Page read(HttpResponse<InputStream> response, Consumer<ReportRow> rows) {
        String what = "wildberries " + response.uri().getPath();
        if (response.statusCode() == 204) {
            drain(response);
            return new Page(0, 0);
        }
        ReportRowReader reader = api == Api.STATISTICS ? ReportRowReader.STATISTICS : ReportRowReader.FINANCE;
        int count = 0;
        long last = 0;
        try (InputStream body = response.body(); JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Page(0, 0);
            }
            if (first != JsonToken.START_ARRAY) {
                throw new PartnerFormatException(what + " answered " + first + " where its published format has an array of rows");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode node = JSON.readTree(parser);
                ReportRow row = reader.read(node);
                rows.accept(row);
                count++;
                last = row.rrdId();
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new PartnerFormatException(what + " page ended inside the array after " + count + " row(s)");
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new PartnerFormatException(what + " page is not its published format after " + count + " row(s) (last rrd_id "
                    + last + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PartnerFormatException(what + " page broke off after " + count + " row(s) (last rrd_id " + last + "): "
                    + e.getMessage());
        }
        return new Page(count, last);
    }

    private static String drain(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(300);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
