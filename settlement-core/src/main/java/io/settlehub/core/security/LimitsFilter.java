package io.settlehub.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What one caller may ask of the service: request bodies up to {@code maxBytes} (413 beyond, declared or streamed), and
 * per caller (the authenticated principal, else the remote address) a request rate (429 with {@code Retry-After}); login
 * attempts have a stricter rate of their own per address. Others keep being served while one caller is refused.
 */
public class LimitsFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final RateLimiter api;
    private final RateLimiter logins;

    public LimitsFilter(long maxBytes, RateLimiter api, RateLimiter logins) {
        this.maxBytes = maxBytes;
        this.api = api;
        this.logins = logins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            JsonErrors.write(response, 413, "request body larger than " + maxBytes + " bytes");
            return;
        }
        boolean login = "POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI());
        String caller = login ? "login:" + request.getRemoteAddr() : callerOf(request);
        if (!(login ? logins : api).tryAcquire(caller)) {
            response.setHeader("Retry-After", "1");
            JsonErrors.write(response, 429, login ? "too many login attempts from this address; wait a minute" : "too many requests");
            return;
        }
        try {
            chain.doFilter(new LimitedBody(request, maxBytes), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                JsonErrors.write(response, 413, e.getMessage());
            }
        }
    }

    private static String callerOf(HttpServletRequest request) {
        HubPrincipal caller = Callers.currentOrNull();
        return caller == null ? "address:" + request.getRemoteAddr() : caller.name();
    }

    /** A body beyond the limit, found while it was read (chunked, or a wrong length). */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge(long max) {
            super("request body larger than " + max + " bytes");
        }
    }

    /** A body without a declared length (chunked) is cut off at the limit. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long max;

        LimitedBody(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > max) {
                        throw new BodyTooLarge(max);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > max) {
                        throw new BodyTooLarge(max);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
