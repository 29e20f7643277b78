package io.settlehub.connector.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body a connector takes (webhooks, uploads) is at most {@code hub.http.max-body-bytes}: 413 when the
 * declared length is larger, and a body without a declared length (chunked) fails once it has sent more. A connector
 * therefore never holds or writes more than the limit for one request.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        try {
            chain.doFilter(new LimitedBody(request, maxBytes), response);
        } catch (IOException | ServletException e) {
            if (!isTooLarge(e)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response);
            }
        }
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"request body larger than " + maxBytes + " bytes\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    /** A body beyond the limit, found while it was read. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge(long max) {
            super("request body larger than " + max + " bytes");
        }
    }

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
