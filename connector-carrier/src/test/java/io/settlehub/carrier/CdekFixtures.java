package io.settlehub.carrier;

import io.settlehub.carrier.config.CdekProperties;
import io.settlehub.carrier.partner.cdek.CdekOrder;
import io.settlehub.contract.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** CDEK payloads in the published API v2 format, from src/test/resources/cdek/. */
public final class CdekFixtures {

    public static final CdekProperties.Account ACME = new CdekProperties.Account("acme", "cdek-acme-account", "cdek-acme-secret",
            "(?<receipt>[^/]+)/.*", "RET-(?<order>.+)");

    private CdekFixtures() {
    }

    public static String cdek(String name) {
        try (InputStream in = CdekFixtures.class.getResourceAsStream("/cdek/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture cdek/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CdekOrder order(String name) {
        try {
            return EventCodec.mapper().readValue(cdek(name), CdekOrder.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
