package io.settlehub.connector.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * How every partner client calls over HTTP and reads the status: a timeout, an I/O error or 429/5xx is the partner
 * being unavailable (retried with backoff); another 4xx is the partner rejecting the request (not retried). Answers are
 * read through {@link #text()} or {@link #bytes()}, which stop reading beyond {@link #MAX_RESPONSE_BYTES}: a partner (or
 * whoever answers in its place) cannot make a connector hold an unbounded body in memory.
 */
public final class PartnerHttp {

    /** The largest answer a connector reads whole; a report larger than this is read as a stream instead. */
    public static final long MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    private PartnerHttp() {
    }

    /** {@code what} names the call in messages, e.g. "ozon /v1/finance/accrual/by-day". */
    /**
     * The client every partner call goes through: HTTP/1.1, since a plain-HTTP endpoint (a partner's sandbox, a stub)
     * would otherwise be asked to upgrade to h2c on the first request, which some servers answer by closing a streamed
     * body half-read ("closed"); the partners' own APIs speak HTTP/1.1 as well.
     */
    public static HttpClient client(java.time.Duration connectTimeout) {
        return client(connectTimeout, HttpClient.Redirect.NEVER);
    }

    public static HttpClient client(java.time.Duration connectTimeout, HttpClient.Redirect redirects) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).followRedirects(redirects).build();
    }

    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body, String what,
                                           Duration timeout) {
        try {
            return http.send(request, body);
        } catch (HttpTimeoutException e) {
            throw new PartnerUnavailableException(what + " timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            ResponseTooLarge tooLarge = cause(e, ResponseTooLarge.class);
            if (tooLarge != null) {
                throw new PartnerFormatException(what + " answered more than " + tooLarge.max + " bytes; not read");
            }
            throw new PartnerUnavailableException(what + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnavailableException("interrupted calling " + what);
        }
    }

    /** The body as text in the charset the answer declares (UTF-8 if none), at most {@link #MAX_RESPONSE_BYTES}. */
    public static HttpResponse.BodyHandler<String> text() {
        return text(MAX_RESPONSE_BYTES);
    }

    public static HttpResponse.BodyHandler<String> text(long maxBytes) {
        return info -> HttpResponse.BodySubscribers.mapping(new Limited(maxBytes), bytes -> new String(bytes, charsetOf(info)));
    }

    /** The body's bytes, at most {@link #MAX_RESPONSE_BYTES}. */
    public static HttpResponse.BodyHandler<byte[]> bytes() {
        return info -> new Limited(MAX_RESPONSE_BYTES);
    }

    private static Charset charsetOf(HttpResponse.ResponseInfo info) {
        String type = info.headers().firstValue("Content-Type").orElse("");
        int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = type.substring(at + 8).split(";", 2)[0].trim().replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Collects a body up to a limit and cancels the download beyond it. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Limited(long max) {
            this.max = max;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if (out.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new ResponseTooLarge(max));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }

    private static final class ResponseTooLarge extends IOException {
        final long max;

        ResponseTooLarge(long max) {
            super("answer larger than " + max + " bytes");
            this.max = max;
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
        return io.settlehub.contract.Texts.abbreviated(body, 300);
    }
}
