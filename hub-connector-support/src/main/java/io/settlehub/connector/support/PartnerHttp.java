package io.settlehub.connector.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * How every partner client calls over HTTP and reads the status: a timeout, an I/O error or 429/5xx is the partner
 * being unavailable (retried with backoff); another 4xx is the partner rejecting the request (not retried).
 */
public final class PartnerHttp {

    private PartnerHttp() {
    }

    /** {@code what} names the call in messages, e.g. "ozon /v1/finance/accrual/by-day". */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body, String what,
                                           Duration timeout) {
        try {
            return http.send(request, body);
        } catch (HttpTimeoutException e) {
            throw new PartnerUnavailableException(what + " timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new PartnerUnavailableException(what + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnavailableException("interrupted calling " + what);
        }
    }

    /** Throws for anything but success: 429 and 5xx as unavailable, other 4xx as rejected, with the body's start. */
    public static void requireSuccess(int status, String what, String body) {
        if (status == 429 || status >= 500) {
            throw new PartnerUnavailableException(what + " answered " + status + ": " + abbreviate(body));
        }
        if (status >= 400) {
            throw new PartnerRejectedException(what + " rejected the request with " + status + ": " + abbreviate(body));
        }
    }

    public static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
