package io.settlehub.bank.route;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.bank.inbound.CbrRatesFeed;
import io.settlehub.bank.partner.cbr.CbrClient;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.connector.support.PartnerUnavailableException;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import io.settlehub.testsupport.BrokerMocks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central bank's rates route, the timer and the broker replaced: a day's rates published, signed by the connector
 * ({@link SignedEvents}), and the day remembered; the
 * bank answering with errors (after the client's retries) or a page that is not the rates publishes nothing and keeps
 * the day, so the next run asks for it again.
 */
class CbrRatesRouteTest {

    @RegisterExtension
    static final WireMockExtension CBR = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    static final String PATH = "/scripts/XML_daily.asp";

    @TempDir
    Path state;

    static final String[] BANK_KEYS = MessageSignatures.newKeyPair();

    private DefaultCamelContext camel;
    private MockEndpoint events;

    @BeforeEach
    void start() throws Exception {
        CbrClient client = new CbrClient(CBR.baseUrl() + PATH, Duration.ofSeconds(5), Retry.of("cbr", RetryConfig.custom().maxAttempts(2)
                .waitDuration(Duration.ofMillis(10)).retryExceptions(PartnerUnavailableException.class).build()), CircuitBreaker.ofDefaults("cbr"));
        Clock today = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
        CbrRatesFeed feed = new CbrRatesFeed(client, Set.of("CNY", "USD"), LocalDate.of(2026, 11, 20), 60, state.resolve("cbr-rates.txt"), today);

        camel = BrokerMocks.started(List.of(new SignedEvents(BANK_KEYS[0]), new CbrRatesRoute(feed, new FeedMetrics(new SimpleMeterRegistry(),
                Clock.systemUTC()))), Map.of("hub.cbr.poll-interval", "60000", "hub.cbr.initial-delay", "60000"), CbrRatesRoute.ROUTE_ID, "direct:tick");
        events = camel.getEndpoint(HubEndpoints.EVENTS, MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private void tick() {
        camel.createProducerTemplate().sendBody("direct:tick", "");
    }

    private static void answerWith(String fixture) throws Exception {
        CBR.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/xml; charset=windows-1251")
                .withBody(CbrRatesRouteTest.class.getResourceAsStream("/cbr/" + fixture).readAllBytes())));
    }

    @Test
    void the_days_rates_are_published_once_and_the_day_is_not_asked_again() throws Exception {
        answerWith("XML_daily-2026-11-20-without-vunitrate.xml");
        tick();
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MessageHeaders.DUPLICATE_ID))
                .containsExactlyInAnyOrder("cbr:CNY:RUB:2026-11-20", "cbr:USD:RUB:2026-11-20");

        MessageSignatures.Verifier bank = MessageSignatures.verifier(BANK_KEYS[1], "test");
        assertThat(events.getReceivedExchanges()).as("each signed by the connector's key, over its exact body").allSatisfy(e ->
                assertThat(bank.verifies(e.getMessage().getBody(String.class), e.getMessage().getHeader(MessageHeaders.SIGNATURE, String.class)))
                        .isTrue());

        CBR.resetRequests();
        tick();
        CBR.verify(0, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("date_req", equalTo("20/11/2026")));
        assertThat(events.getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void a_bank_that_fails_or_answers_no_rates_publishes_nothing_and_the_day_is_asked_again() throws Exception {
        CBR.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        tick();
        CBR.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody("<html><body>maintenance</body></html>")));
        tick();
        assertThat(events.getReceivedCounter()).isZero();

        answerWith("XML_daily-2026-11-20-without-vunitrate.xml");
        CBR.resetRequests();
        tick();
        CBR.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("date_req", equalTo("20/11/2026")));
        assertThat(events.getReceivedCounter()).isEqualTo(2);
    }
}
