package io.settlehub.marketplace.partner.wildberries;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.settlehub.marketplace.Fixtures;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.connector.support.PartnerUnavailableException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both Wildberries report APIs over HTTP: paging by rrdid, the token, failures, and the one-a-minute limit. */
class WildberriesClientTest {

    /** The partner's stub: started once for the class, its stubs and requests reset before each test. */
    @RegisterExtension
    static final WireMockExtension WB = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    static final LocalDate FROM = LocalDate.of(2026, 3, 2);
    static final LocalDate TO = LocalDate.of(2026, 3, 9);
    static final String REPORT = "/api/v5/supplier/reportDetailByPeriod";
    static final String FINANCE = "/api/finance/v1/sales-reports/detailed";

    final List<ReportRow> rows = new ArrayList<>();

    static WildberriesClient client(WildberriesClient.Api api) {
        Retry retry = Retry.of("wb", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10))
                .retryExceptions(PartnerUnavailableException.class).build());
        return new WildberriesClient(api, WB.baseUrl(), Duration.ofSeconds(5), retry, CircuitBreaker.ofDefaults("wb"));
    }

    static RateLimiter unlimited() {
        return RateLimiter.of("wb-test", RateLimiterConfig.custom().limitForPeriod(1000).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build());
    }

    WildberriesClient.Page page(WildberriesClient client, RateLimiter limiter, long rrdId) {
        return client.page("wb-token-acme", limiter, FROM, TO, rrdId, 100000, rows::add);
    }

    @Test
    void the_statistics_report_is_read_page_after_page_by_the_last_rows_rrd_id_until_an_empty_page() {
        WB.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("rrdid", equalTo("0"))
                .willReturn(okJson(Fixtures.wildberries("report-statistics-page-1.json"))));
        WB.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("rrdid", equalTo("1884410012"))
                .willReturn(okJson(Fixtures.wildberries("report-statistics-page-2.json"))));
        WB.stubFor(get(urlPathEqualTo(REPORT)).withQueryParam("rrdid", equalTo("1884410013")).willReturn(okJson("[]")));
        WildberriesClient client = client(WildberriesClient.Api.STATISTICS);
        RateLimiter limiter = unlimited();

        assertThat(page(client, limiter, 0)).isEqualTo(new WildberriesClient.Page(12, 1884410012L));
        assertThat(page(client, limiter, 1884410012L)).isEqualTo(new WildberriesClient.Page(1, 1884410013L));
        assertThat(page(client, limiter, 1884410013L).rows()).isZero();
        assertThat(rows).hasSize(13);
        WB.verify(getRequestedFor(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("wb-token-acme"))
                .withQueryParam("dateFrom", equalTo("2026-03-02")).withQueryParam("dateTo", equalTo("2026-03-09"))
                .withQueryParam("limit", equalTo("100000")));
    }

    @Test
    void the_finance_api_is_asked_by_post_with_rrd_id_and_204_ends_the_report() {
        WB.stubFor(post(FINANCE).withRequestBody(matchingJsonPath("$.rrdId", equalTo("0")))
                .willReturn(okJson(Fixtures.wildberries("report-finance-page-1.json"))));
        WB.stubFor(post(FINANCE).withRequestBody(matchingJsonPath("$.rrdId", equalTo("1884410012"))).willReturn(noContent()));
        WildberriesClient client = client(WildberriesClient.Api.FINANCE);

        assertThat(page(client, unlimited(), 0).rows()).isEqualTo(12);
        assertThat(page(client, unlimited(), 1884410012L).rows()).isZero();
        assertThat(rows.get(0).forPay()).isEqualByComparingTo("1764.40");
        WB.verify(postRequestedFor(urlEqualTo(FINANCE)).withRequestBody(equalToJson(
                "{\"dateFrom\":\"2026-03-02\",\"dateTo\":\"2026-03-09\",\"limit\":100000,\"rrdId\":0,\"period\":\"weekly\"}")));
    }

    @Test
    void a_429_is_retried_and_the_page_then_read() {
        WB.stubFor(get(urlPathEqualTo(REPORT)).inScenario("limit").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-Ratelimit-Retry", "60")
                        .withBody("{\"title\":\"too many requests\",\"status\":429}")).willSetStateTo("allowed"));
        WB.stubFor(get(urlPathEqualTo(REPORT)).inScenario("limit").whenScenarioStateIs("allowed")
                .willReturn(okJson(Fixtures.wildberries("report-statistics-page-2.json"))));
        assertThat(page(client(WildberriesClient.Api.STATISTICS), unlimited(), 0).rows()).isEqualTo(1);
        WB.verify(2, getRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void an_expired_token_is_refused_at_once_with_a_clear_message() {
        WB.stubFor(get(urlPathEqualTo(REPORT)).willReturn(aResponse().withStatus(401)
                .withBody("{\"title\":\"unauthorized\",\"detail\":\"token expired\",\"status\":401}")));
        assertThatThrownBy(() -> page(client(WildberriesClient.Api.STATISTICS), unlimited(), 0))
                .isInstanceOf(PartnerRejectedException.class).hasMessageContaining("401").hasMessageContaining("token expired");
        WB.verify(1, getRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void a_truncated_page_fails_naming_how_far_it_got() {
        String page = Fixtures.wildberries("report-statistics-page-1.json");
        WB.stubFor(get(urlPathEqualTo(REPORT)).willReturn(okJson(page.substring(0, page.indexOf("\"rrd_id\": 1884410003")))));
        assertThatThrownBy(() -> page(client(WildberriesClient.Api.STATISTICS), unlimited(), 0))
                .isInstanceOf(PartnerFormatException.class).hasMessageContaining("after 2 row(s)").hasMessageContaining("1884410002");
    }

    @Test
    void the_account_limiter_paces_the_pages_one_per_period() {
        WB.stubFor(get(urlPathEqualTo(REPORT)).willReturn(okJson("[]")));
        RateLimiter onePerHour = RateLimiter.of("wb-acme", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
        WildberriesClient client = client(WildberriesClient.Api.STATISTICS);
        page(client, onePerHour, 0);
        assertThatThrownBy(() -> page(client, onePerHour, 0)).isInstanceOf(RequestNotPermitted.class);
        WB.verify(1, getRequestedFor(urlPathEqualTo(REPORT)));
    }
}
