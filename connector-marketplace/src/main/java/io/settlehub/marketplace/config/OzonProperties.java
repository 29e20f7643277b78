package io.settlehub.marketplace.config;

import io.settlehub.connector.support.feed.PartnerAccount;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Ozon Seller API feed: where it is, how often to poll, and the seller accounts, each tied to one of our
 * clients. {@code sellerId} is Ozon's {@code Client-Id} header; the API key comes from the environment only.
 */
@ConfigurationProperties("hub.ozon")
public record OzonProperties(String apiUrl, Duration requestTimeout, LocalDate startDate, int maxDaysPerPoll,
                             List<Account> accounts, String stateDir) {

    public OzonProperties {
        accounts = accounts == null ? List.of() : accounts.stream().filter(Account::configured).toList();
    }

    /**
     * One seller account. {@code skuMap} translates Ozon's numeric SKU to the seller's article when an accrual item
     * carries no {@code offer_id}.
     */
    public record Account(String clientId, String sellerId, String apiKey, Map<String, String> skuMap) implements PartnerAccount {

        boolean configured() {
            return clientId != null && !clientId.isBlank() && sellerId != null && !sellerId.isBlank();
        }

        public Map<String, String> skuMap() {
            return skuMap == null ? Map.of() : skuMap;
        }

        @Override
        public String toString() {
            return "Account[clientId=" + clientId + ", sellerId=" + sellerId + ", apiKey=****]";
        }
    }
}
