package io.settlehub.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} authenticates this request only (no session). A header that is there but
 * wrong answers 401 at once, naming why (unknown, expired, revoked), never echoing the token. Wrong tokens are limited
 * per address like wrong passwords: once an address has used up its failures, it gets 429 without its tokens being
 * looked at, so tokens cannot be guessed at speed.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final RateLimiter failures;

    public BearerTokenFilter(ApiTokens tokens, RateLimiter failures) {
        this.tokens = tokens;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.startsWith("Bearer ") || header.length() <= 7) {
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Authorization must be 'Bearer <token>'");
            return;
        }
        String address = "token-failures:" + request.getRemoteAddr();
        if (!failures.hasToken(address)) {
            response.setHeader("Retry-After", "60");
            JsonErrors.write(response, 429, "too many wrong tokens from this address; wait a minute");
            return;
        }
        HubPrincipal principal;
        try {
            principal = tokens.authenticate(header.substring(7).trim());
        } catch (AuthenticationException e) {
            failures.tryAcquire(address);
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, e.getMessage());
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
