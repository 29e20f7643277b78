package io.settlehub.marketplace.partner.aliexpress;

import io.settlehub.connector.support.json.PartnerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerHttp;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.connector.support.PartnerUnavailableException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AliExpress Open Platform gateway: business methods on {@code /sync?method=…}, system APIs on
 * {@code /rest/<path>}, every request signed ({@link IopSignature}) with the app secret. Calls are paced, retried
 * with backoff on 429, 5xx, timeouts and the gateway's call-limit errors, and guarded by a circuit breaker. An
 * expired or invalid access token is reported as {@link TokenRejectedException} so the caller can refresh it once.
 */
public class AliExpressClient {

    private static final ObjectMapper JSON = PartnerJson.mapper();
    /** Gateway error codes that mean "the token", not "the request". */
    private static final Set<String> TOKEN_ERRORS = Set.of("IllegalAccessToken", "InvalidSession", "SessionExpired", "IllegalRefreshToken");
    /** Gateway error codes that mean "try again later". */
    private static final Set<String> LIMIT_ERRORS = Set.of("ApiCallLimit", "AppCallLimit", "ServiceUnavailable", "ISP.SYSTEM_ERROR");

    private final String baseUrl;
    private final String appKey;
    private final String appSecret;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;

    public AliExpressClient(String baseUrl, String appKey, String appSecret, Duration timeout, Clock clock, Retry retry,
                            CircuitBreaker circuitBreaker, RateLimiter rateLimiter) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.timeout = timeout;
        this.clock = clock;
        this.http = PartnerHttp.client(timeout);
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.rateLimiter = rateLimiter;
    }

    /** The access token the platform refused; the caller refreshes it and tries once more. */
    public static final class TokenRejectedException extends PartnerRejectedException {
        public TokenRejectedException(String message) {
            super(message);
        }
    }

    /** One page of orders modified in the window ("yyyy-MM-dd HH:mm:ss", the platform's time). */
    public OrderListResponse.Result orders(String accessToken, String modifiedFrom, String modifiedTo, int page, int pageSize) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("modified_date_start", modifiedFrom);
        query.put("modified_date_end", modifiedTo);
        query.put("current_page", page);
        query.put("page_size", pageSize);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("method", "aliexpress.solution.order.get");
        parameters.put("access_token", accessToken);
        parameters.put("param0", PartnerJson.write(query));
        return call("/sync", "", parameters, OrderListResponse.class, AliExpressClient::resultOf);
    }

    private static OrderListResponse.Result resultOf(OrderListResponse response) {
        if (response.error() != null) {
            throw gatewayError("aliexpress.solution.order.get", response.error().code(), response.error().msg()
                    + (response.error().subMsg() == null ? "" : " (" + response.error().subMsg() + ")"));
        }
        if (response.response() == null || response.response().result() == null) {
            throw new PartnerFormatException("aliexpress.solution.order.get answered without result");
        }
        OrderListResponse.Result result = response.response().result();
        if (result.errorCode() != null && !result.errorCode().isBlank() && !result.success()) {
            throw gatewayError("aliexpress.solution.order.get", result.errorCode(), result.errorMessage());
        }
        return result;
    }

    /** A new access token (and refresh token) for the seller's refresh token. */
    public TokenResponse refresh(String refreshToken) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("refresh_token", refreshToken);
        return call("/rest", "/auth/token/refresh", parameters, TokenResponse.class, response -> {
            if (response.accessToken() == null || response.accessToken().isBlank()) {
                throw gatewayError("/auth/token/refresh", response.code(), response.message());
            }
            return response;
        });
    }

    private static RuntimeException gatewayError(String api, String code, String message) {
        String text = "aliexpress " + api + " answered " + code + ": " + message;
        if (code != null && TOKEN_ERRORS.contains(code)) {
            return new TokenRejectedException(text);
        }
        if (code != null && LIMIT_ERRORS.contains(code)) {
            return new PartnerUnavailableException(text);
        }
        return new PartnerRejectedException(text);
    }

    /** {@code read} turns the parsed body into the answer, or throws the gateway's error: inside the retry, so limits are retried. */
    private <T, R> R call(String gateway, String apiPath, Map<String, String> business, Class<T> type, java.util.function.Function<T, R> read) {
        java.util.function.Supplier<R> call = () -> read.apply(send(gateway, apiPath, business, type));
        java.util.function.Supplier<R> guarded = RateLimiter.decorateSupplier(rateLimiter, CircuitBreaker.decorateSupplier(circuitBreaker, call));
        return Retry.decorateSupplier(retry, guarded).get();
    }

    private <T> T send(String gateway, String apiPath, Map<String, String> business, Class<T> type) {
        Map<String, String> parameters = new LinkedHashMap<>(business);
        parameters.put("app_key", appKey);
        parameters.put("timestamp", String.valueOf(clock.millis()));
        parameters.put("sign_method", "sha256");
        parameters.put("sign", IopSignature.sign(apiPath, parameters, appSecret));
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String what = "aliexpress " + (apiPath.isEmpty() ? business.get("method") : apiPath);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + gateway + apiPath + "?" + query)).timeout(timeout).GET().build();
        HttpResponse<String> response;
        response = PartnerHttp.send(http, request, PartnerHttp.text(), what, timeout);
        PartnerHttp.requireSuccess(response.statusCode(), what, response.body());
        try {
            T parsed = JSON.readValue(response.body(), type);
            if (parsed == null) {
                throw new PartnerFormatException(what + " answered an empty body");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new PartnerFormatException(what + " answered a body that is not its published format: " + e.getOriginalMessage());
        }
    }

}
