package io.settlehub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.InMemoryLedger;
import io.settlehub.core.settlement.AgreementJson;
import io.settlehub.core.settlement.AgreementTerms;
import io.settlehub.core.settlement.RateBook;
import io.settlehub.core.settlement.SettlementCalculator;
import io.settlehub.core.settlement.SettlementPostings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the fault tests compare the running hub with: each client's buckets computed from the events alone, by the
 * settlement rules and an in-memory ledger, with no service, broker or database in between.
 */
final class PureSettlement {

    /** The agreement every client of the fault tests has. */
    static final String AGREEMENT = """
            {"name": "Chaos client", "commissionRate": "0.05", "commissionVatRate": "0.22", "payoutCurrency": "RUB",
             "minimumPayout": "1.00", "fxDifferenceBornBy": "CLIENT", "customsVatIsCost": true,
             "bankAccount": {"holder": "Chaos LLC", "account": "40702810900000000001", "bankId": "044525225", "taxId": "7701234567"}}""";

    private PureSettlement() {
    }

    /** The buckets of each client computed from the events alone. */
    static Map<String, Map<String, BigDecimal>> buckets(List<CanonicalEvent> stream) {
        List<CanonicalEvent> rates = stream.stream().filter(e -> e.type() == EventType.FX_RATE).toList();
        RateBook reference = new RateBook(rates, Map.of(LocalDate.of(2019, 1, 1), new BigDecimal("0.20"), LocalDate.of(2026, 1, 1),
                new BigDecimal("0.22")));
        Map<String, List<CanonicalEvent>> byClient = new HashMap<>();
        stream.stream().filter(e -> e.clientId() != null).forEach(e -> byClient.computeIfAbsent(e.clientId(), k -> new ArrayList<>()).add(e));
        Map<String, Map<String, BigDecimal>> buckets = new HashMap<>();
        byClient.forEach((client, facts) -> {
            var settlement = SettlementCalculator.settle(AgreementTerms.always(AgreementJson.read(client, AGREEMENT)), facts, reference);
            InMemoryLedger ledger = new InMemoryLedger();
            ledger.settle(client, SettlementPostings.of(settlement), "expected");
            Map<String, BigDecimal> mine = new HashMap<>();
            for (Bucket bucket : Bucket.values()) {
                mine.put(bucket.kind(), ledger.balances(AccountKey.client(client, bucket, "RUB")).creditBalance());
            }
            buckets.put(client, mine);
        });
        return buckets;
    }

    /**
     * Asserts that each client's buckets in the hub's ledger are those of the pure settlement of {@code stream} — what is
     * available, in flight or paid together equal to what the events made available — and that every instruction is in
     * flight once. Answers how many clients were paid something.
     */
    static int assertLedgerMatches(JdbcTemplate jdbc, List<CanonicalEvent> stream, List<String> clients) {
        Map<String, Map<String, BigDecimal>> expected = buckets(stream);
        int paid = 0;
        for (String client : clients) {
            Map<String, BigDecimal> actual = new HashMap<>();
            jdbc.query("select kind, credits_posted - debits_posted from account where owner = ?",
                    rs -> { actual.put(rs.getString(1), rs.getBigDecimal(2)); }, "client/" + client);
            BigDecimal instructed = jdbc.queryForObject("select coalesce(sum(amount), 0) from payment_instruction where client_id = ? and currency = 'RUB'",
                    BigDecimal.class, client);
            Map<String, BigDecimal> want = expected.get(client);
            assertThat(get(actual, "pending")).as("%s pending", client).isEqualByComparingTo(want.get("pending"));
            assertThat(get(actual, "held")).as("%s held", client).isEqualByComparingTo(want.get("held"));
            assertThat(get(actual, "available").add(get(actual, "inFlight")).add(get(actual, "paid")))
                    .as("%s available + in flight + paid", client).isEqualByComparingTo(want.get("available"));
            assertThat(instructed).as("%s: every instruction is in flight once", client).isEqualByComparingTo(get(actual, "inFlight"));
            paid += instructed.signum() > 0 ? 1 : 0;
        }
        return paid;
    }

    private static BigDecimal get(Map<String, BigDecimal> buckets, String bucket) {
        return buckets.getOrDefault(bucket, BigDecimal.ZERO);
    }
}
