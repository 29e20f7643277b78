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
 * wrong answers 401 at once, naming why (unknown, expired, revoked), never echoing the token.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    public BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
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
        HubPrincipal principal;
        try {
            principal = tokens.authenticate(header.substring(7).trim());
        } catch (AuthenticationException e) {
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
