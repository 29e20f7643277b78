package io.settlehub.core.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers one notification to a webhook: {@code POST} of the JSON body with {@code X-Settlehub-Timestamp} (epoch
 * seconds) and {@code X-Settlehub-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the webhook's
 * secret>}, so the receiver can check both origin and freshness. Anything but 2xx is a failure, retried by the route.
 */
public class WebhookSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Clock clock;

    public WebhookSender(Clock clock) {
        this.clock = clock;
    }

    public void deliver(WebhookProperties.Webhook webhook, String body) throws IOException, InterruptedException {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Settlehub-Timestamp", timestamp)
                .header("X-Settlehub-Signature", "sha256=" + signature(webhook.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook " + webhook.name() + " answered " + response.statusCode());
        }
    }

    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot sign with HMAC-SHA256", e);
        }
    }
}
