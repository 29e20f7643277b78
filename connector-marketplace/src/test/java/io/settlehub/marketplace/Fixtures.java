package io.settlehub.marketplace;

import io.settlehub.contract.EventCodec;
import io.settlehub.marketplace.config.OzonProperties.Account;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Payloads in Ozon's published format, from src/test/resources/ozon/. */
public final class Fixtures {

    public static final Account ACME = new Account("acme", "100001", "test-api-key-acme", Map.of("1588324790", "LAMP-01"));

    private Fixtures() {
    }

    public static String ozon(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ozon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture ozon/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T ozon(String name, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(ozon(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
