package io.settlehub.core.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api} request carries {@code Authorization: Bearer <token>}; for now the one token is the
 * operator's, from {@code HUB_OPERATOR_TOKEN}. Compared in constant time; never logged.
 */
@Component
class OperatorTokenFilter extends OncePerRequestFilter {

    private final byte[] expected;

    OperatorTokenFilter(@Value("${hub.operator-token}") String operatorToken) {
        if (operatorToken == null || operatorToken.length() < 16) {
            throw new IllegalStateException("hub.operator-token (HUB_OPERATOR_TOKEN) must be set, at least 16 characters");
        }
        this.expected = operatorToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(expected, given)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"missing or wrong bearer token\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
