package io.settlehub.core.security;

import io.settlehub.contract.EventCodec;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The API's error body, {@code {"error": "…"}}, from the filters that answer before any controller. */
final class JsonErrors {

    private JsonErrors() {
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            // RFC 6750: how to authenticate, on every 401 (an unknown, expired or revoked token: invalid_token)
            response.setHeader("WWW-Authenticate", message.startsWith("authentication required") || message.startsWith("Authorization must")
                    ? "Bearer realm=\"settlehub\"" : "Bearer realm=\"settlehub\", error=\"invalid_token\"");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(EventCodec.write(Map.of("error", message)));
    }
}
