package io.settlehub.core.dashboard;

import io.settlehub.core.ledger.BalanceLine;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.store.BalanceLineRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's balance in one currency explained line by line: what the orders brought (their client net, spread over
 * pending, held and available), what charges without an order took, the FX differences of supplier payments, and what
 * payouts moved on to in flight and paid. Each line's buckets add up, column by column, to the balances.
 */
public record BalanceWaterfall(String currency, List<Row> rows, Row total) {

    /** One line: what it moved in each bucket, and in all that is still owed (every bucket but paid). */
    public record Row(BalanceLine line, Map<Bucket, BigDecimal> buckets) {

        public BigDecimal in(Bucket bucket) {
            return buckets.getOrDefault(bucket, BigDecimal.ZERO);
        }

        public BigDecimal owed() {
            BigDecimal owed = BigDecimal.ZERO;
            for (var entry : buckets.entrySet()) {
                owed = entry.getKey().owed() ? owed.add(entry.getValue()) : owed;
            }
            return owed;
        }

        public String key() {
            return line == null ? "total" : line.key();
        }
    }

    /** One waterfall per currency; the orders' line always, the others when they moved something. */
    public static List<BalanceWaterfall> of(List<BalanceLineRepository.Line> lines) {
        Map<String, Map<BalanceLine, Map<Bucket, BigDecimal>>> byCurrency = new TreeMap<>();
        for (BalanceLineRepository.Line l : lines) {
            byCurrency.computeIfAbsent(l.currency(), c -> new EnumMap<>(BalanceLine.class))
                    .computeIfAbsent(l.line(), k -> new EnumMap<>(Bucket.class))
                    .merge(l.bucket(), l.amount(), BigDecimal::add);
        }
        List<BalanceWaterfall> waterfalls = new ArrayList<>();
        byCurrency.forEach((currency, byLine) -> {
            int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            List<Row> rows = new ArrayList<>();
            Map<Bucket, BigDecimal> total = new EnumMap<>(Bucket.class);
            for (BalanceLine line : BalanceLine.values()) {
                Map<Bucket, BigDecimal> moved = byLine.getOrDefault(line, Map.of());
                if (line != BalanceLine.ORDERS && moved.values().stream().allMatch(a -> a.signum() == 0)) {
                    continue;
                }
                Map<Bucket, BigDecimal> scaled = new EnumMap<>(Bucket.class);
                for (Bucket bucket : Bucket.values()) {
                    BigDecimal amount = atScale(moved.getOrDefault(bucket, BigDecimal.ZERO), scale);
                    scaled.put(bucket, amount);
                    total.merge(bucket, amount, BigDecimal::add);
                }
                rows.add(new Row(line, scaled));
            }
            waterfalls.add(new BalanceWaterfall(currency, List.copyOf(rows), new Row(null, total)));
        });
        return waterfalls;
    }

    /** At the currency's scale, or finer when a figure has more digits: never rounded. */
    private static BigDecimal atScale(BigDecimal amount, int scale) {
        return amount.setScale(Math.max(scale, amount.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY);
    }
}
