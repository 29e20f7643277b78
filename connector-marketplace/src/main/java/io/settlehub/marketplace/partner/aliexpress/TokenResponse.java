package io.settlehub.marketplace.partner.aliexpress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code /rest/auth/token/refresh}: a new access token and the refresh token that replaces the one used. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("refresh_token") String refreshToken,
                            @JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_expires_in") long refreshExpiresIn,
                            String code, String message, @JsonProperty("request_id") String requestId) {

    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, refreshToken=****, expiresIn=" + expiresIn + ", code=" + code + "]";
    }
}
