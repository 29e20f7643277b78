package io.settlehub.carrier.partner.cdek;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.settlehub.carrier.CdekFixtures.cdek;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.connector.support.PartnerUnavailableException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CDEK API v2 over HTTP: the client-credentials token, cached and renewed, and the order read. */
class CdekClientTest {

    /** The partner's stub: started once for the class, its stubs and requests reset before each test. */
    @RegisterExtension
    static final WireMockExtension CDEK = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    static final CdekClient.Credentials ACME = new CdekClient.Credentials("cdek-acme-account", "cdek-acme-secret");
    static final String ORDER = "/v2/orders/72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01";

    @BeforeEach
    void reset() {
        CDEK.stubFor(post("/v2/oauth/token").willReturn(okJson(cdek("token.json"))));
    }

    static CdekClient client() {
        return new CdekClient(CDEK.baseUrl(), Duration.ofSeconds(5), Clock.systemUTC(), Retry.of("cdek", RetryConfig.custom().maxAttempts(3)
                .waitDuration(Duration.ofMillis(10)).retryExceptions(PartnerUnavailableException.class).build()), CircuitBreaker.ofDefaults("cdek"));
    }

    @Test
    void one_token_serves_many_calls_and_is_asked_with_the_contracts_credentials() {
        CDEK.stubFor(get(ORDER).willReturn(okJson(cdek("order-delivered-to-warehouse.json"))));
        CdekClient client = client();
        assertThat(client.order(ACME, "72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01").entity().cdekNumber()).isEqualTo("1106543210");
        client.order(ACME, "72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01");
        CDEK.verify(1, postRequestedFor(urlEqualTo("/v2/oauth/token")).withRequestBody(
                equalTo("grant_type=client_credentials&client_id=cdek-acme-account&client_secret=cdek-acme-secret")));
        CDEK.verify(2, getRequestedFor(urlEqualTo(ORDER)).withHeader("Authorization", equalTo("Bearer eyJhbGciOiJSUzI1NiJ9.demo-cdek-token")));
    }

    @Test
    void a_401_on_a_cached_token_gets_a_new_token_once_and_5xx_is_retried() {
        CDEK.stubFor(get(ORDER).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        CDEK.stubFor(get(ORDER).inScenario("expiry").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        CDEK.stubFor(get(ORDER).inScenario("expiry").whenScenarioStateIs("up").willReturn(okJson(cdek("order-delivered-to-warehouse.json"))));
        assertThat(client().order(ACME, "72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01").entity().number()).isEqualTo("R-2026-0917/1");
        CDEK.verify(2, postRequestedFor(urlEqualTo("/v2/oauth/token")));
    }

    @Test
    void refused_credentials_fail_at_once_naming_the_contract() {
        CDEK.stubFor(post("/v2/oauth/token").atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}")));
        assertThatThrownBy(() -> client().order(ACME, "72753031-4b3c-4d1e-9f2a-1a2b3c4d5e01"))
                .isInstanceOf(PartnerRejectedException.class).hasMessageContaining("cdek-acme-account").hasMessageContaining("Bad credentials")
                .hasMessageNotContaining("cdek-acme-secret");
    }
}
