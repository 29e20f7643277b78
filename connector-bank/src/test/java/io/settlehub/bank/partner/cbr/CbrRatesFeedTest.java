package io.settlehub.bank.partner.cbr;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.settlehub.bank.inbound.CbrRatesFeed;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerUnavailableException;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.FxRate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The central bank's daily rates over HTTP: windows-1251, comma decimals, Nominal; missed days filled. */
class CbrRatesFeedTest {

    /** The partner's stub: started once for the class, its stubs and requests reset before each test. */
    @RegisterExtension
    static final WireMockExtension CBR = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    static final String PATH = "/scripts/XML_daily.asp";

    @TempDir
    Path state;

    static byte[] fixture(String name) throws Exception {
        return CbrRatesFeedTest.class.getResourceAsStream("/cbr/" + name).readAllBytes();
    }

    CbrRatesFeed feed(String today) {
        CbrClient client = new CbrClient(CBR.baseUrl() + PATH, Duration.ofSeconds(5), Retry.of("cbr", RetryConfig.custom().maxAttempts(3)
                .waitDuration(Duration.ofMillis(10)).retryExceptions(PartnerUnavailableException.class).build()), CircuitBreaker.ofDefaults("cbr"));
        Clock clock = Clock.fixed(Instant.parse(today + "T09:00:00Z"), ZoneOffset.UTC);
        return new CbrRatesFeed(client, Set.of("CNY", "USD"), LocalDate.of(2026, 11, 20), 60, state.resolve("cbr-rates.txt"), clock);
    }

    @Test
    void each_day_since_the_last_run_is_asked_and_a_weekend_answered_with_fridays_rates_publishes_them_once() throws Exception {
        CBR.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("date_req", equalTo("20/11/2026"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml; charset=windows-1251")
                        .withBody(fixture("XML_daily-2026-11-20-without-vunitrate.xml"))));
        CBR.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("date_req", matching("2[1-2]/11/2026"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml; charset=windows-1251")
                        .withBody(fixture("XML_daily-2026-11-21.xml"))));
        CbrRatesFeed feed = feed("2026-11-22");
        var first = feed.fetch(CbrRatesFeed.REFERENCE_DATA);
        // CNY without VunitRate: 128,2000 for 10 = 12.82; with it: 12,8341
        assertThat(first.events()).extracting(CanonicalEvent::eventId, e -> ((FxRate) e.payload()).rate()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("cbr:CNY:RUB:2026-11-20", new BigDecimal("12.82")),
                org.assertj.core.groups.Tuple.tuple("cbr:USD:RUB:2026-11-20", new BigDecimal("92.1534")),
                org.assertj.core.groups.Tuple.tuple("cbr:CNY:RUB:2026-11-21", new BigDecimal("12.8341")),
                org.assertj.core.groups.Tuple.tuple("cbr:USD:RUB:2026-11-21", new BigDecimal("92.1534")),
                // Sunday the 22nd is answered with Saturday's rates: the same ids, dropped as repeats by the broker
                org.assertj.core.groups.Tuple.tuple("cbr:CNY:RUB:2026-11-21", new BigDecimal("12.8341")),
                org.assertj.core.groups.Tuple.tuple("cbr:USD:RUB:2026-11-21", new BigDecimal("92.1534")));
        assertThat(first.events().get(0).clientId()).isNull();
        feed.commit(CbrRatesFeed.REFERENCE_DATA, first.next());

        // a missed day (the service was down on the 23rd) is filled on the next run, and nothing earlier is asked again
        CBR.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("date_req", matching("2[3-4]/11/2026"))
                .willReturn(aResponse().withBody(fixture("XML_daily-2026-11-21.xml").clone())));
        var next = feed("2026-11-24").fetch(CbrRatesFeed.REFERENCE_DATA);
        assertThat(next.next()).isEqualTo(LocalDate.of(2026, 11, 24));
        CBR.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("date_req", equalTo("20/11/2026")));
        CBR.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("date_req", equalTo("23/11/2026")));
    }

    @Test
    void a_rate_that_is_not_positive_and_a_page_that_is_not_the_rates_are_refused_with_the_reason() throws Exception {
        String broken = new String(fixture("XML_daily-2026-11-21.xml"), "windows-1251").replace("12,8341", "-12,8341");
        assertThatThrownBy(() -> DailyRates.parse(broken.getBytes("windows-1251"))).isInstanceOf(PartnerFormatException.class)
                .hasMessageContaining("CNY").hasMessageContaining("not positive");
        assertThatThrownBy(() -> DailyRates.parse("<html><body>maintenance</body></html>".getBytes()))
                .isInstanceOf(PartnerFormatException.class).hasMessageContaining("not <ValCurs>");
        DailyRates rates = DailyRates.parse(fixture("XML_daily-2026-11-21.xml"));
        assertThat(rates.rates()).extracting(DailyRates.Rate::charCode, DailyRates.Rate::nominal)
                .contains(org.assertj.core.groups.Tuple.tuple("JPY", 100));
        assertThat(rates.rates()).filteredOn(r -> r.charCode().equals("JPY")).extracting(DailyRates.Rate::perUnit)
                .containsExactly(new BigDecimal("0.598830"));
    }
}
