package io.settlehub.core.notify;

import io.settlehub.contract.Money;
import io.settlehub.core.ledger.Balances;
import io.settlehub.core.ledger.store.LedgerRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A client's buckets per currency as the API and the notifications show them:
 * {@code [{"currency":"RUB","pending":"0.00","held":"259.44","available":"1037.75","inFlight":"0.00","paid":"0.00"}]}.
 */
@Component
public class BucketBalances {

    private final LedgerRepository ledger;

    public BucketBalances(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    public List<Map<String, String>> of(String clientId) {
        return buckets(ledger.balancesOf("client/" + clientId));
    }

    /** The same for many clients, in one read per 500 clients. */
    public Map<String, List<Map<String, String>>> of(java.util.Collection<String> clientIds) {
        Map<String, List<Balances>> byOwner = ledger.balancesOf(clientIds.stream().map(c -> "client/" + c).toList());
        Map<String, List<Map<String, String>>> byClient = new TreeMap<>();
        for (String clientId : clientIds) {
            byClient.put(clientId, buckets(byOwner.getOrDefault("client/" + clientId, List.of())));
        }
        return byClient;
    }

    private static List<Map<String, String>> buckets(List<Balances> accounts) {
        Map<String, Map<String, String>> byCurrency = new TreeMap<>();
        for (Balances balances : accounts) {
            String kind = balances.account().kind();
            if (balances.account().bucket().isEmpty()) {
                continue;
            }
            String ccy = balances.account().currency();
            byCurrency.computeIfAbsent(ccy, BucketBalances::emptyBuckets).put(kind, money(balances.creditBalance(), ccy));
        }
        return new ArrayList<>(byCurrency.values());
    }

    private static Map<String, String> emptyBuckets(String currency) {
        Map<String, String> buckets = new LinkedHashMap<>();
        buckets.put("currency", currency);
        for (io.settlehub.core.ledger.Bucket bucket : io.settlehub.core.ledger.Bucket.values()) {
            buckets.put(bucket.kind(), money(BigDecimal.ZERO, currency));
        }
        return buckets;
    }

    private static String money(BigDecimal amount, String currency) {
        return Money.rounded(amount, currency).plain();
    }
}
