package io.settlehub.marketplace.partner.aliexpress;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AliExpress Open Platform (IOP) request signature: every parameter but {@code sign} sorted by name (ASCII),
 * concatenated as name + value with empty values left out, prefixed with the API path for {@code /rest} system APIs
 * (none for {@code /sync} business methods, named by the {@code method} parameter), HMAC-SHA256 with the app secret,
 * hex in upper case.
 */
public final class IopSignature {

    private IopSignature() {
    }

    /** {@code apiPath} is "" for /sync business methods, e.g. "/auth/token/refresh" for /rest system APIs. */
    public static String sign(String apiPath, Map<String, String> parameters, String appSecret) {
        StringBuilder base = new StringBuilder(apiPath);
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!name.equals("sign") && value != null && !value.isEmpty()) {
                base.append(name).append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(base.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
