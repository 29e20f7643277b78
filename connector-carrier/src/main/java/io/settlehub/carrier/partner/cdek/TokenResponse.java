package io.settlehub.carrier.partner.cdek;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /v2/oauth/token}: a bearer token and how many seconds it lives. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn, String scope, String jti) {

    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, expiresIn=" + expiresIn + "]";
    }
}
