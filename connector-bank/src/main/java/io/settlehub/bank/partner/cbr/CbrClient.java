package io.settlehub.bank.partner.cbr;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.settlehub.connector.support.PartnerHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** {@code GET <url>?date_req=dd/MM/yyyy}: the rates set for a day, retried with backoff behind a circuit breaker. */
public class CbrClient {

    private static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String url;
    private final Duration timeout;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public CbrClient(String url, Duration timeout, Retry retry, CircuitBreaker circuitBreaker) {
        this.url = url;
        this.timeout = timeout;
        this.http = io.settlehub.connector.support.PartnerHttp.client(timeout, HttpClient.Redirect.NORMAL);
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
    }

    public DailyRates ratesFor(LocalDate day) {
        String what = "cbr " + url + " for " + day;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?date_req=" + REQUEST_DATE.format(day))).timeout(timeout).GET().build();
        java.util.function.Supplier<DailyRates> call = () -> {
            HttpResponse<byte[]> response = PartnerHttp.send(http, request, PartnerHttp.bytes(), what, timeout);
            PartnerHttp.requireSuccess(response.statusCode(), what, new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1));
            return DailyRates.parse(response.body());
        };
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
    }
}
