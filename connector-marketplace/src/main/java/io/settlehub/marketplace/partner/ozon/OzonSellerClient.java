package io.settlehub.marketplace.partner.ozon;

import io.settlehub.connector.support.json.PartnerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.settlehub.marketplace.config.OzonProperties.Account;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Ozon Seller API over HTTP: {@code Client-Id} and {@code Api-Key} headers per seller account, JSON both ways.
 * Every call is paced by a rate limiter, retried with backoff on 429, 5xx, timeouts and I/O errors, and guarded
 * by a circuit breaker (thresholds in configuration, instance {@code ozon}). A body that does not parse fails
 * at once: retrying would not change it.
 */
public class OzonSellerClient {

    private static final ObjectMapper JSON = PartnerJson.mapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;

    public OzonSellerClient(String baseUrl, Duration timeout, Retry retry, CircuitBreaker circuitBreaker, RateLimiter rateLimiter) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = PartnerHttp.client(timeout);
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.rateLimiter = rateLimiter;
    }

    public AccrualTypesResponse accrualTypes(Account account) {
        return post(account, "/v1/finance/accrual/types", java.util.Map.of(), AccrualTypesResponse.class);
    }

    public AccrualByDayResponse accrualsByDay(Account account, AccrualByDayRequest request) {
        return post(account, "/v1/finance/accrual/by-day", request, AccrualByDayResponse.class);
    }

    public CashFlowStatementResponse cashFlowStatement(Account account, CashFlowStatementRequest request) {
        return post(account, "/v1/finance/cash-flow-statement/list", request, CashFlowStatementResponse.class);
    }

    public RealizationReportResponse realization(Account account, java.time.YearMonth month) {
        return post(account, "/v2/finance/realization", java.util.Map.of("month", month.getMonthValue(), "year", month.getYear()),
                RealizationReportResponse.class);
    }

    private <T> T post(Account account, String path, Object body, Class<T> type) {
        Supplier<T> call = () -> send(account, path, body, type);
        Supplier<T> guarded = RateLimiter.decorateSupplier(rateLimiter, CircuitBreaker.decorateSupplier(circuitBreaker, call));
        return Retry.decorateSupplier(retry, guarded).get();
    }

    private <T> T send(Account account, String path, Object body, Class<T> type) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .header("Client-Id", account.sellerId())
                    .header("Api-Key", account.apiKey() == null ? "" : account.apiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response;
        response = PartnerHttp.send(http, request, PartnerHttp.text(), "ozon " + path, timeout);
        PartnerHttp.requireSuccess(response.statusCode(), "ozon " + path, response.body());
        try {
            T parsed = JSON.readValue(response.body(), type);
            if (parsed == null) {
                throw new PartnerFormatException("ozon " + path + " answered an empty body");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new PartnerFormatException("ozon " + path + " answered a body that is not its published format: "
                    + e.getOriginalMessage() + " in " + PartnerHttp.abbreviate(response.body()));
        }
    }

}
