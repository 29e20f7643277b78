package io.settlehub.marketplace.config;

import io.settlehub.connector.support.feed.PartnerAccount;
import io.settlehub.marketplace.partner.wildberries.WildberriesClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Wildberries realization-report feed: which API serves the report ({@code statistics}: reportDetailByPeriod,
 * {@code finance}: the 2026 sales-reports API), where, how often, and the seller accounts, each tied to one of our
 * clients, with its API token (from the environment only).
 */
@ConfigurationProperties("hub.wildberries")
public record WildberriesProperties(WildberriesClient.Api api, String statisticsUrl, String financeUrl, Duration requestTimeout,
                                    LocalDate startDate, int pageSize, List<Account> accounts) {

    public WildberriesProperties {
        api = api == null ? WildberriesClient.Api.FINANCE : api;
        pageSize = pageSize <= 0 ? 100_000 : pageSize;
        accounts = accounts == null ? List.of() : accounts.stream().filter(Account::configured).toList();
    }

    public String apiUrl() {
        return api == WildberriesClient.Api.STATISTICS ? statisticsUrl : financeUrl;
    }

    /** One seller account: the client it belongs to and its API token. */
    public record Account(String clientId, String apiToken) implements PartnerAccount {

        boolean configured() {
            return clientId != null && !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "Account[clientId=" + clientId + ", apiToken=****]";
        }
    }
}
