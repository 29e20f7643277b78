package io.settlehub.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How often one caller may ask: per caller (the authenticated principal, else the remote address) a request rate (429
 * with {@code Retry-After}); login attempts have a stricter rate of their own per address. Others keep being served
 * while one caller is refused. Request bodies are bounded before this, by the shared
 * {@link io.settlehub.connector.support.RequestBodyLimitFilter}.
 */
public class LimitsFilter extends OncePerRequestFilter {

    private final RateLimiter api;
    private final RateLimiter logins;

    public LimitsFilter(RateLimiter api, RateLimiter logins) {
        this.api = api;
        this.logins = logins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean login = "POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI());
        String caller = login ? "login:" + request.getRemoteAddr() : callerOf(request);
        if (!(login ? logins : api).tryAcquire(caller)) {
            response.setHeader("Retry-After", "1");
            JsonErrors.write(response, 429, login ? "too many login attempts from this address; wait a minute" : "too many requests");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String callerOf(HttpServletRequest request) {
        HubPrincipal caller = Callers.currentOrNull();
        return caller == null ? "address:" + request.getRemoteAddr() : caller.name();
    }
}
