package io.settlehub.marketplace.partner.aliexpress;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.settlehub.marketplace.Fixtures;
import io.settlehub.connector.support.PartnerUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IOP gateway over HTTP: signed requests, the order list, token refresh and the gateway's errors. Expected
 * signatures were computed outside Java (Python's hmac) from the documented algorithm.
 */
class AliExpressClientTest {

    /** The partner's stub: started once for the class, its stubs and requests reset before each test. */
    @RegisterExtension
    static final WireMockExtension AE = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1774526400000L), ZoneOffset.UTC);

    static AliExpressClient client() {
        Retry retry = Retry.of("ae", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10))
                .retryExceptions(PartnerUnavailableException.class).build());
        return new AliExpressClient(AE.baseUrl(), "500123", "test-app-secret", Duration.ofSeconds(5), CLOCK, retry,
                CircuitBreaker.ofDefaults("ae"), RateLimiter.ofDefaults("ae"));
    }

    @Test
    void the_documented_example_signs_to_the_value_an_independent_implementation_gives() {
        assertThat(IopSignature.sign("/test/api", Map.of("foo", "1", "bar", "2", "foo_bar", "3", "foobar", "4"), "helloworld-secret"))
                .isEqualTo("CDF5FA87A8DE9CE8395AE04A02E35269D202C955D0AA2BCEE3A2DF4E6C6A8997");
    }

    @Test
    void an_order_page_is_asked_with_every_common_parameter_and_the_right_signature() {
        AE.stubFor(get(urlPathEqualTo("/sync")).willReturn(okJson(Fixtures.aliexpress("orders-page-1.json"))));
        OrderListResponse.Result result = client().orders("old-access-token", "2026-03-01 00:00:00", "2026-03-26 20:00:00", 1, 50);
        assertThat(result.totalPage()).isEqualTo(2);
        assertThat(result.targetList().orders()).hasSize(3);
        AE.verify(getRequestedFor(urlPathEqualTo("/sync"))
                .withQueryParam("method", equalTo("aliexpress.solution.order.get"))
                .withQueryParam("app_key", equalTo("500123"))
                .withQueryParam("timestamp", equalTo("1774526400000"))
                .withQueryParam("sign_method", equalTo("sha256"))
                .withQueryParam("access_token", equalTo("old-access-token"))
                .withQueryParam("param0", equalToJson("{\"modified_date_start\":\"2026-03-01 00:00:00\","
                        + "\"modified_date_end\":\"2026-03-26 20:00:00\",\"current_page\":1,\"page_size\":50}"))
                .withQueryParam("sign", equalTo("4518A6336B84FFC72164810F5D7F70625849484411499BCB6F4E673E28ECC8DB")));
    }

    @Test
    void a_refresh_signs_with_the_api_path_in_front() {
        AE.stubFor(get(urlPathEqualTo("/rest/auth/token/refresh")).willReturn(okJson(Fixtures.aliexpress("token-refresh.json"))));
        TokenResponse tokens = client().refresh("old-refresh-token");
        assertThat(tokens.accessToken()).startsWith("50000601c30");
        assertThat(tokens.toString()).doesNotContain("50000601c30");
        AE.verify(getRequestedFor(urlPathEqualTo("/rest/auth/token/refresh")).withQueryParam("refresh_token", equalTo("old-refresh-token"))
                .withQueryParam("sign", equalTo("E16494B10F7EB2360077CFA1109DA0051A4785EFCA53E777B59BB405660E5C32")));
    }

    @Test
    void an_expired_token_is_told_apart_and_a_call_limit_is_retried() {
        AE.stubFor(get(urlPathEqualTo("/sync")).withQueryParam("access_token", equalTo("expired"))
                .willReturn(okJson(Fixtures.aliexpress("error-illegal-access-token.json"))));
        assertThatThrownBy(() -> client().orders("expired", "2026-03-01 00:00:00", "2026-03-26 20:00:00", 1, 50))
                .isInstanceOf(AliExpressClient.TokenRejectedException.class).hasMessageContaining("IllegalAccessToken");

        AE.stubFor(get(urlPathEqualTo("/sync")).withQueryParam("access_token", equalTo("busy")).inScenario("limit")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson(Fixtures.aliexpress("error-api-call-limit.json"))).willSetStateTo("free"));
        AE.stubFor(get(urlPathEqualTo("/sync")).withQueryParam("access_token", equalTo("busy")).inScenario("limit")
                .whenScenarioStateIs("free").willReturn(okJson(Fixtures.aliexpress("orders-page-2.json"))));
        assertThat(client().orders("busy", "2026-03-01 00:00:00", "2026-03-26 20:00:00", 2, 50).currentPage()).isEqualTo(2);
    }
}
