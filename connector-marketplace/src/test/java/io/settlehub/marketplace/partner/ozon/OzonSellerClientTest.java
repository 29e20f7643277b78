package io.settlehub.marketplace.partner.ozon;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.settlehub.marketplace.Fixtures.ACME;
import static io.settlehub.marketplace.Fixtures.ozon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.connector.support.PartnerUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ozon client against a WireMock stub of the Seller API: the happy path and every way it can go wrong. */
class OzonSellerClientTest {

    static final String BY_DAY = "/v1/finance/accrual/by-day";
    WireMockServer ozon;
    CircuitBreaker breaker;
    OzonSellerClient client;

    @BeforeEach
    void start() {
        ozon = new WireMockServer(options().dynamicPort());
        ozon.start();
        breaker = CircuitBreaker.of("ozon", CircuitBreakerConfig.custom().slidingWindowSize(4).minimumNumberOfCalls(4)
                .failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
                .recordExceptions(PartnerUnavailableException.class).build());
        Retry retry = Retry.of("ozon", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10))
                .retryExceptions(PartnerUnavailableException.class).build());
        RateLimiter limiter = RateLimiter.of("ozon", RateLimiterConfig.custom().limitForPeriod(1000)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(1)).build());
        client = new OzonSellerClient(ozon.baseUrl(), Duration.ofMillis(500), retry, breaker, limiter);
    }

    @AfterEach
    void stop() {
        ozon.stop();
    }

    AccrualByDayResponse fetch() {
        return client.accrualsByDay(ACME, new AccrualByDayRequest("2026-03-02", ""));
    }

    @Test
    void sends_the_seller_credentials_and_the_request_in_ozons_format() {
        ozon.stubFor(post(BY_DAY).willReturn(okJson(ozon("accruals-2026-03-02-page-1.json"))));
        AccrualByDayResponse response = fetch();
        assertThat(response.accruals()).hasSize(2);
        assertThat(response.lastId()).isEqualTo("8812342");
        ozon.verify(postRequestedFor(urlEqualTo(BY_DAY))
                .withHeader("Client-Id", equalTo("100001"))
                .withHeader("Api-Key", equalTo("test-api-key-acme"))
                .withRequestBody(equalToJson("{\"date\": \"2026-03-02\", \"last_id\": \"\"}")));
    }

    @Test
    void a_429_then_success_is_retried() {
        ozon.stubFor(post(BY_DAY).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"code\":8,\"message\":\"rate limit\"}"))
                .willSetStateTo("ok"));
        ozon.stubFor(post(BY_DAY).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(ozon("accruals-empty.json"))));
        assertThat(fetch().accruals()).isEmpty();
        ozon.verify(2, postRequestedFor(urlEqualTo(BY_DAY)));
    }

    @Test
    void repeated_5xx_fail_after_the_retries_then_the_circuit_opens() {
        ozon.stubFor(post(BY_DAY).willReturn(aResponse().withStatus(503).withBody("upstream down")));
        assertThatThrownBy(this::fetch).isInstanceOf(PartnerUnavailableException.class).hasMessageContaining("503");
        ozon.verify(3, postRequestedFor(urlEqualTo(BY_DAY)));
        assertThatThrownBy(this::fetch).isInstanceOf(CallNotPermittedException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        ozon.verify(4, postRequestedFor(urlEqualTo(BY_DAY)));
    }

    @Test
    void a_timeout_is_an_outage() {
        ozon.stubFor(post(BY_DAY).willReturn(okJson(ozon("accruals-empty.json")).withFixedDelay(1500)));
        assertThatThrownBy(this::fetch).isInstanceOf(PartnerUnavailableException.class).hasMessageContaining("timed out");
    }

    @Test
    void a_malformed_body_fails_at_once_without_retrying() {
        ozon.stubFor(post(BY_DAY).willReturn(okJson("{\"accruals\": [{\"accrual_id\": \"1\", \"amount\": \"twelve\"}]")));
        assertThatThrownBy(this::fetch).isInstanceOf(PartnerFormatException.class).hasMessageContaining("not its published format");
        ozon.verify(1, postRequestedFor(urlEqualTo(BY_DAY)));
    }

    @Test
    void wrong_credentials_are_not_retried_and_the_key_is_not_in_the_error() {
        ozon.stubFor(post(BY_DAY).willReturn(aResponse().withStatus(403).withBody("{\"code\":7,\"message\":\"Invalid Api-Key\"}")));
        assertThatThrownBy(this::fetch).isInstanceOf(PartnerRejectedException.class)
                .hasMessageContaining("403").hasMessageNotContaining("test-api-key-acme");
        ozon.verify(1, postRequestedFor(urlEqualTo(BY_DAY)));
    }
}
