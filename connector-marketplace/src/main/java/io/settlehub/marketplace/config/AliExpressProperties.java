package io.settlehub.marketplace.config;

import io.settlehub.connector.support.feed.PartnerAccount;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AliExpress Open Platform feed: the gateway, the app's key and secret (from the environment only), the time
 * zone the platform writes its times in, and the seller accounts — each tied to one of our clients, with the tokens
 * the seller's authorization gave (the refresh token renews the access token; renewed tokens are kept in the state
 * directory).
 */
@ConfigurationProperties("hub.aliexpress")
public record AliExpressProperties(String apiUrl, String appKey, String appSecret, ZoneId platformZone, Duration requestTimeout,
                                   LocalDate startDate, int pageSize, Duration overlap, List<Account> accounts) {

    public AliExpressProperties {
        platformZone = platformZone == null ? ZoneId.of("Asia/Shanghai") : platformZone;
        pageSize = pageSize <= 0 ? 50 : pageSize;
        overlap = overlap == null ? Duration.ofHours(1) : overlap;
        accounts = accounts == null ? List.of() : accounts.stream().filter(Account::configured).toList();
    }

    @Override
    public String toString() {
        return "AliExpressProperties[apiUrl=" + apiUrl + ", appKey=" + appKey + ", appSecret=****, accounts=" + accounts + "]";
    }

    /** One seller account: the client it belongs to and the seller's tokens. */
    public record Account(String clientId, String accessToken, String refreshToken) implements PartnerAccount {

        boolean configured() {
            return clientId != null && !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "Account[clientId=" + clientId + ", accessToken=****, refreshToken=****]";
        }
    }
}
