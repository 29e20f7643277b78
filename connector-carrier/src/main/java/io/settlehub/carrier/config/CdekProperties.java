package io.settlehub.carrier.config;

import io.settlehub.connector.support.feed.PartnerAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CDEK API v2: where it is, the shared secret its webhooks must carry ({@code ?token=}), where the tracked orders are
 * kept, and one account per client with the client's CDEK contract credentials (from the environment only) and how
 * the client numbers its CDEK orders: {@code receiptPattern} finds the goods receipt a delivery to a marketplace
 * warehouse belongs to (group {@code receipt}), {@code returnPattern} the marketplace order a return belongs to (group
 * {@code order}).
 */
@ConfigurationProperties("hub.cdek")
public record CdekProperties(String apiUrl, Duration requestTimeout, String webhookSecret, Path stateDir, List<Account> accounts) {

    public CdekProperties {
        accounts = accounts == null ? List.of() : accounts.stream().filter(Account::configured).toList();
        stateDir = stateDir == null ? Path.of("./.hub/state") : stateDir;
    }

    public Account account(String clientId) {
        return accounts.stream().filter(a -> a.clientId().equals(clientId)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "CdekProperties[apiUrl=" + apiUrl + ", webhookSecret=****, accounts=" + accounts + "]";
    }

    /** One client's CDEK contract. */
    public record Account(String clientId, String cdekClientId, String cdekClientSecret, String receiptPattern, String returnPattern)
            implements PartnerAccount {

        /** Number "R-2026-0917/1": a delivery of goods receipt R-2026-0917. */
        public static final String DEFAULT_RECEIPT_PATTERN = "(?<receipt>[^/]+)/.*";
        /** Number "RET-33920474-0032-1": the return of marketplace order 33920474-0032-1. */
        public static final String DEFAULT_RETURN_PATTERN = "RET-(?<order>.+)";

        public Account {
            receiptPattern = receiptPattern == null || receiptPattern.isBlank() ? DEFAULT_RECEIPT_PATTERN : receiptPattern;
            returnPattern = returnPattern == null || returnPattern.isBlank() ? DEFAULT_RETURN_PATTERN : returnPattern;
        }

        boolean configured() {
            return clientId != null && !clientId.isBlank() && cdekClientId != null && !cdekClientId.isBlank();
        }

        @Override
        public String toString() {
            return "Account[clientId=" + clientId + ", cdekClientId=" + cdekClientId + ", cdekClientSecret=****]";
        }
    }
}
