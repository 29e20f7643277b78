package io.settlehub.core.alerts;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.ClientSettlement;
import io.settlehub.core.settlement.FeeObservation;
import io.settlehub.core.settlement.LineBelowCost;
import io.settlehub.core.settlement.OrderSettlement;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The anomalies worth flagging, as pure functions of the facts (docs/alerts.md explains each threshold). */
public final class AlertRules {

    /** Modified z-score beyond which a fee rate is an outlier (Iglewicz and Hoaglin's 3.5). */
    static final BigDecimal OUTLIER_Z = new BigDecimal("3.5");
    /** Fewer observations of a SKU's fee rate than this say nothing about what is usual. */
    static final int MIN_HISTORY = 5;
    private static final MathContext MC = MathContext.DECIMAL64;

    private AlertRules() {
    }

    /** The fee-rate rule over all of a settlement's lines, each against all the lines of its SKU and marketplace. */
    public static List<Alert> feeRateOutliers(String clientId, ClientSettlement settlement) {
        List<FeeObservation> observed = new ArrayList<>();
        settlement.orders().forEach(order -> observed.addAll(FeeObservation.of(order)));
        Map<String, List<BigDecimal>> bySku = new HashMap<>();
        observed.forEach(o -> bySku.computeIfAbsent(o.source() + "/" + o.sku(), k -> new ArrayList<>()).add(o.rate()));
        return feeRateOutliers(clientId, observed, (source, sku) -> bySku.getOrDefault(source + "/" + sku, List.of()));
    }

    /**
     * Per SKU and marketplace, each observed fee rate against the SKU's usual rates ({@code usual}: the fee rates of its
     * sales the caller holds): flagged when its modified z-score 0.6745·|x − median| / MAD exceeds 3.5. With a MAD of zero
     * (most lines at the same rate) any rate more than one percentage point from the median is flagged.
     */
    public static List<Alert> feeRateOutliers(String clientId, List<FeeObservation> observed,
                                              java.util.function.BiFunction<String, String, List<BigDecimal>> usual) {
        List<Alert> alerts = new ArrayList<>();
        Map<String, BigDecimal[]> statistics = new HashMap<>();
        for (FeeObservation line : observed) {
            // per SKU once: the median, the MAD and how many sales they are of
            BigDecimal[] medianMadCount = statistics.computeIfAbsent(line.source() + "/" + line.sku(), k -> {
                List<BigDecimal> rates = usual.apply(line.source(), line.sku());
                if (rates.isEmpty()) {
                    return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                }
                BigDecimal median = median(rates);
                return new BigDecimal[] {median, median(rates.stream().map(r -> r.subtract(median).abs()).toList()),
                        BigDecimal.valueOf(rates.size())};
            });
            if (medianMadCount[2].intValue() < MIN_HISTORY) {
                continue;
            }
            BigDecimal median = medianMadCount[0];
            BigDecimal mad = medianMadCount[1];
            BigDecimal distance = line.rate().subtract(median).abs();
            boolean outlier = mad.signum() == 0 ? distance.compareTo(new BigDecimal("0.01")) > 0
                    : new BigDecimal("0.6745").multiply(distance).divide(mad, MC).compareTo(OUTLIER_Z) > 0;
            if (outlier) {
                alerts.add(Alert.of(Alert.Kind.FEE_RATE_OUTLIER, clientId, line.source() + "/" + line.orderId() + "/" + line.sku(),
                        line.source() + " kept " + percent(line.rate()) + " of order " + line.orderId() + "'s " + line.sku() + " ("
                                + line.saleFees() + " of " + line.saleGross() + "); its usual rate is " + percent(median) + " over "
                                + medianMadCount[2].intValue() + " sales", line.source(), percent(line.rate()), line.orderId(), line.sku(),
                        line.saleFees(), line.saleGross(), percent(median), medianMadCount[2].intValue()));
            }
        }
        return alerts;
    }

    /** A line whose kept units brought in (gross less marketplace fees) less than they cost landed. */
    public static List<Alert> soldBelowLandedCost(String clientId, ClientSettlement settlement) {
        List<Alert> alerts = new ArrayList<>();
        for (OrderSettlement order : settlement.orders()) {
            alerts.addAll(soldBelowLandedCost(clientId, order.source(), order.orderId(), LineBelowCost.of(order)));
        }
        return alerts;
    }

    /** The same, for the lines of one order that ingest found below their landed cost. */
    public static List<Alert> soldBelowLandedCost(String clientId, String source, String orderId, List<LineBelowCost> lines) {
        List<Alert> alerts = new ArrayList<>(lines.size());
        for (LineBelowCost line : lines) {
            alerts.add(Alert.of(Alert.Kind.SOLD_BELOW_LANDED_COST, clientId, source + "/" + orderId + "/" + line.sku(),
                    line.sku() + " in order " + orderId + " brought " + line.brought() + " after marketplace fees for " + line.units()
                            + " unit(s) that cost " + line.landedCost() + " landed", line.sku(), orderId, line.brought(), line.units(),
                    line.landedCost()));
        }
        return alerts;
    }

    /** A marketplace payout of which some part matches no unpaid order. */
    public static List<Alert> payoutsMatchingNoExpectation(String clientId, ClientSettlement settlement) {
        return payoutsMatchingNoExpectation(clientId, settlement.payouts());
    }

    /** The same, over some payouts. */
    public static List<Alert> payoutsMatchingNoExpectation(String clientId, List<ClientSettlement.ReceivedPayout> payouts) {
        return payouts.stream().filter(p -> p.unallocated().signum() != 0)
                .map(p -> Alert.of(Alert.Kind.PAYOUT_MATCHES_NO_EXPECTATION, clientId, p.source() + "/" + p.payoutId(), p.source()
                        + " payout " + p.payoutId() + " of " + p.amount() + ": " + p.unallocated() + " matches no order the hub expected it to pay",
                        p.source(), p.payoutId(), p.amount(), p.unallocated()))
                .toList();
    }

    /** An instruction the hub made for a client. */
    public record Instruction(String instructionId, String payeeAccount, Money amount, Instant createdAt, String status) {
    }

    /** Two instructions to the same account for the same amount within {@code window}, neither of them rejected. */
    public static List<Alert> duplicatePaymentAttempts(String clientId, List<Instruction> instructions, Duration window) {
        List<Instruction> live = instructions.stream().filter(i -> !"REJECTED".equals(i.status()))
                .sorted(Comparator.comparing(Instruction::createdAt)).toList();
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            for (int j = i + 1; j < live.size() && !live.get(j).createdAt().isAfter(live.get(i).createdAt().plus(window)); j++) {
                Instruction a = live.get(i);
                Instruction b = live.get(j);
                if (a.payeeAccount().equals(b.payeeAccount()) && a.amount().equals(b.amount())) {
                    alerts.add(Alert.of(Alert.Kind.DUPLICATE_PAYMENT_ATTEMPT, clientId, a.instructionId() + "+" + b.instructionId(),
                            "instructions " + a.instructionId() + " and " + b.instructionId() + " both pay " + a.amount() + " to account "
                                    + a.payeeAccount() + " within " + window.toHours() + " h", a.instructionId(), b.instructionId(), a.amount(),
                            a.payeeAccount(), window.toHours()));
                }
            }
        }
        return alerts;
    }

    /** A source last heard from longer ago than it may be silent. */
    public static List<Alert> silentFeeds(Map<String, Instant> lastEventBySource, Map<String, Duration> maySilence, Duration fallback,
                                          Instant now) {
        List<Alert> alerts = new ArrayList<>();
        lastEventBySource.forEach((source, last) -> {
            Duration allowed = maySilence.getOrDefault(source, fallback);
            if (Duration.between(last, now).compareTo(allowed) > 0) {
                // one alert per silence: the subject is the last event's time
                alerts.add(Alert.of(Alert.Kind.FEED_SILENT, null, source + "@" + last, source + " has sent nothing since " + last
                        + ", longer than its " + allowed.toHours() + " h schedule", source, last, allowed.toHours()));
            }
        });
        return alerts;
    }

    /** A published rate. */
    public record Rate(String base, String quote, LocalDate date, BigDecimal rate) {
    }

    /** A day's rate that moved more than {@code threshold} (a fraction) from the previous published day's. */
    public static List<Alert> fxJumps(List<Rate> rates, BigDecimal threshold) {
        Map<String, List<Rate>> byPair = new HashMap<>();
        rates.forEach(r -> byPair.computeIfAbsent(r.base() + "/" + r.quote(), k -> new ArrayList<>()).add(r));
        List<Alert> alerts = new ArrayList<>();
        for (var pair : byPair.entrySet()) {
            List<Rate> series = pair.getValue().stream().sorted(Comparator.comparing(Rate::date)).toList();
            for (int i = 1; i < series.size(); i++) {
                Rate before = series.get(i - 1);
                Rate now = series.get(i);
                BigDecimal change = now.rate().subtract(before.rate()).divide(before.rate(), MC);
                if (change.abs().compareTo(threshold) > 0) {
                    alerts.add(Alert.of(Alert.Kind.FX_RATE_JUMP, null, pair.getKey() + "@" + now.date(), pair.getKey() + " moved "
                            + percent(change) + " from " + before.rate().toPlainString() + " (" + before.date() + ") to "
                            + now.rate().toPlainString() + " (" + now.date() + ")", pair.getKey(), percent(change), before.rate().toPlainString(),
                            before.date(), now.rate().toPlainString(), now.date()));
                }
            }
        }
        return alerts;
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
