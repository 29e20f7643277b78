package io.settlehub.accounting;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.settlehub.accounting.config.OneCProperties.Infobase;
import io.settlehub.accounting.partner.onec.Catalogs;
import io.settlehub.accounting.partner.onec.ODataCatalogs;
import io.settlehub.accounting.partner.onec.ODataClient;
import io.settlehub.accounting.push.DocumentPusher;
import io.settlehub.connector.support.PartnerUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A WireMock 1C:Enterprise OData service for acme's infobase, with the fixtures of src/test/resources/1c/. */
public final class OneCStub {

    public static final String BASE = "/acme/odata/standard.odata";
    public static final String REPORTS = "Document_ОтчетКомиссионераОПродажах";
    public static final String REPORT_KEY = "e3f4a1c2-2b3d-11ef-8a57-005056b7c1d1";
    public static final String USER = "hub-exchange";
    public static final String PASSWORD = "s3cret-1c-password";

    private OneCStub() {
    }

    public static String fixture(String path) {
        try (InputStream in = OneCStub.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path of an entity set (or {@code Set(guid'…')/…}) as it goes over the wire: percent-encoded. */
    public static String path(String entitySet) {
        return BASE + "/" + URLEncoder.encode(entitySet, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static UrlPathPattern set(String entitySet) {
        return urlPathEqualTo(path(entitySet));
    }

    public static UrlPathPattern keyed(String entitySet, String key, String tail) {
        return urlPathEqualTo(path(entitySet) + "(guid'" + key + "')" + tail);
    }

    /** acme's infobase at the stub, as the connector reaches it: one OData client, quick retries, its catalogs. */
    public static DocumentPusher.Infobases acmeInfobase(
            Infobase acme) {
        var odata = new ODataClient(acme.url(), USER, PASSWORD, Duration.ofSeconds(5),
                Retry.of("onec", RetryConfig.custom().maxAttempts(3)
                        .waitDuration(Duration.ofMillis(10))
                        .retryExceptions(PartnerUnavailableException.class).build()),
                CircuitBreaker.ofDefaults("onec"));
        var catalogs = new ODataCatalogs(odata);
        return new DocumentPusher.Infobases() {
            @Override
            public Optional<Infobase> of(String clientId) {
                return clientId.equals(acme.clientId()) ? Optional.of(acme) : Optional.empty();
            }

            @Override
            public ODataClient odata(Infobase infobase) {
                return odata;
            }

            @Override
            public Catalogs catalogs(Infobase infobase) {
                return catalogs;
            }
        };
    }

    /** The catalogs the agent's report needs, an empty search for the report's comment, create and post. */
    public static void standard(Stubbing onec) {
        onec.stubFor(get(set("Catalog_Номенклатура")).withQueryParam("$filter", containing("Артикул eq 'LAMP-01'"))
                .willReturn(okJson(fixture("1c/catalog-nomenclature-lamp.json"))));
        onec.stubFor(get(set("Catalog_Номенклатура")).atPriority(10).willReturn(okJson(fixture("1c/empty.json"))));
        onec.stubFor(get(set("Catalog_Валюты")).withQueryParam("$filter", containing("Code eq '643'"))
                .willReturn(okJson(fixture("1c/catalog-currency-rub.json"))));
        onec.stubFor(get(set(REPORTS)).willReturn(okJson(fixture("1c/empty.json"))));
        onec.stubFor(post(set(REPORTS)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(fixture("1c/created-agent-report.json"))));
        onec.stubFor(patch(keyed(REPORTS, REPORT_KEY, "")).willReturn(okJson(fixture("1c/created-agent-report.json"))));
        onec.stubFor(post(keyed(REPORTS, REPORT_KEY, "/Post")).withQueryParam("PostingModeOperational", equalTo("false"))
                .willReturn(aResponse().withStatus(200)));
    }
}
