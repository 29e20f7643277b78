package io.settlehub.marketplace;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import io.settlehub.contract.EventCodec;
import io.settlehub.marketplace.config.OzonProperties.Account;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Payloads in the partners' published formats, from src/test/resources/<partner>/. */
public final class Fixtures {

    public static final Account ACME = new Account("acme", "100001", "test-api-key-acme", Map.of("1588324790", "LAMP-01"));

    private Fixtures() {
    }

    public static String ozon(String name) {
        return resource("ozon/" + name);
    }

    /** A Wildberries report page from src/test/resources/wildberries/. */
    public static String wildberries(String name) {
        return resource("wildberries/" + name);
    }

    /** An AliExpress gateway response from src/test/resources/aliexpress/. */
    public static String aliexpress(String name) {
        return resource("aliexpress/" + name);
    }

    private static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ozon as the fixtures describe it: the accrual types, two pages on 2026-03-02, a return on 2026-03-20, else nothing. */
    public static void stubOzonMarch(com.github.tomakehurst.wiremock.WireMockServer ozon) {
        ozon.stubFor(post("/v1/finance/accrual/types").willReturn(okJson(ozon("accrual-types.json"))));
        ozon.stubFor(post("/v1/finance/accrual/by-day").withRequestBody(equalToJson("{\"date\":\"2026-03-02\",\"last_id\":\"\"}"))
                .willReturn(okJson(ozon("accruals-2026-03-02-page-1.json"))));
        ozon.stubFor(post("/v1/finance/accrual/by-day").withRequestBody(equalToJson("{\"date\":\"2026-03-02\",\"last_id\":\"8812342\"}"))
                .willReturn(okJson(ozon("accruals-2026-03-02-page-2.json"))));
        ozon.stubFor(post("/v1/finance/accrual/by-day").withRequestBody(equalToJson("{\"date\":\"2026-03-20\",\"last_id\":\"\"}"))
                .willReturn(okJson(ozon("accruals-2026-03-20-return.json"))));
        ozon.stubFor(post("/v1/finance/accrual/by-day").atPriority(10).willReturn(okJson(ozon("accruals-empty.json"))));
        ozon.stubFor(post("/v1/finance/cash-flow-statement/list").willReturn(okJson(ozon("cash-flow-statement.json"))));
    }

    public static <T> T ozon(String name, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(ozon(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
