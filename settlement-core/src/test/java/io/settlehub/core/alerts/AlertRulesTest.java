package io.settlehub.core.alerts;

import static io.settlehub.core.settlement.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.core.settlement.ClientSettlement;
import io.settlehub.core.settlement.FeeObservation;
import io.settlehub.core.settlement.LineBelowCost;
import io.settlehub.core.settlement.OrderSettlement;
import io.settlehub.core.settlement.store.LinesBelowCostColumn;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    /** n one-lamp sales at 2,000.00 with the given fee, after the worked example's goods, customs, freight and rate. */
    static ClientSettlement lampSales(List<String> fees) {
        List<CanonicalEvent> facts = new ArrayList<>(List.of(goodsReceived(), customs(), freight(), rate()));
        for (int i = 0; i < fees.size(); i++) {
            facts.add(event("ozon:acme:sale:" + i, EventType.SALE, "ozon", "2026-03-0" + (2 + i % 7) + "T09:15:00Z",
                    new Sale("ORDER-" + i, List.of(new SaleLine("LAMP-01", 1, rub("2000.00"), rub("0.00"),
                            List.of(new Fee("commission", rub(fees.get(i)))))))));
        }
        return settle(facts);
    }

    @Test
    void a_fee_rate_far_from_the_skus_usual_rate_is_flagged_and_only_that_one() {
        List<Alert> alerts = AlertRules.feeRateOutliers("acme", lampSales(List.of("300.00", "310.00", "290.00", "305.00", "295.00",
                "300.00", "800.00")));
        assertThat(alerts).extracting(Alert::subject).containsExactly("ozon/ORDER-6/LAMP-01");
        assertThat(alerts.get(0).message()).contains("40.00 %").contains("usual rate is 15.00 %");
        assertThat(AlertRules.feeRateOutliers("acme", lampSales(List.of("300.00", "300.00", "800.00", "300.00"))))
                .as("four sales say nothing about what is usual").isEmpty();
    }

    @Property(tries = 50, seed = "20261126")
    void identical_fee_rates_are_never_flagged_and_one_rate_far_away_always_is(@ForAll @IntRange(min = 5, max = 12) int sales,
                                                                                 @ForAll @IntRange(min = 100, max = 600) int fee) {
        List<String> fees = new ArrayList<>();
        for (int i = 0; i < sales; i++) {
            fees.add(fee + ".00");
        }
        assertThat(AlertRules.feeRateOutliers("acme", lampSales(fees))).isEmpty();
        fees.add((fee + 500) + ".00");
        assertThat(AlertRules.feeRateOutliers("acme", lampSales(fees))).hasSize(1);
    }

    @Test
    void a_lamp_sold_for_less_than_it_cost_landed_is_flagged() {
        // landed cost of a lamp in the worked example: 1,166.06
        assertThat(AlertRules.soldBelowLandedCost("acme", lampSales(List.of("900.00")))).hasSize(1).first()
                .satisfies(a -> assertThat(a.message()).contains("brought 1100.00 RUB").contains("1166.06 RUB"));
        assertThat(AlertRules.soldBelowLandedCost("acme", lampSales(List.of("300.00")))).isEmpty();
    }

    /** What ingest records (decision 0020), read back as a scan reads it, raises exactly what the rules over the orders raise. */
    @Test
    void the_rules_over_recorded_figures_raise_what_they_raise_over_the_orders() {
        ClientSettlement sales = lampSales(List.of("300.00", "310.00", "290.00", "305.00", "295.00", "300.00", "800.00", "1400.00"));
        List<Alert> belowCost = new ArrayList<>();
        List<FeeObservation> observed = new ArrayList<>();
        for (OrderSettlement order : sales.orders()) {
            String recorded = LinesBelowCostColumn.write(LineBelowCost.of(order));
            belowCost.addAll(AlertRules.soldBelowLandedCost("acme", order.source(), order.orderId(), LinesBelowCostColumn.read(recorded)));
            observed.addAll(FeeObservation.of(order));
        }
        assertThat(belowCost).isEqualTo(AlertRules.soldBelowLandedCost("acme", sales)).extracting(Alert::subject)
                .containsExactly("ozon/ORDER-7/LAMP-01");
        List<BigDecimal> usual = observed.stream().map(FeeObservation::rate).toList();
        assertThat(AlertRules.feeRateOutliers("acme", observed, (source, sku) -> usual)).isEqualTo(AlertRules.feeRateOutliers("acme", sales))
                .extracting(Alert::subject).containsExactlyInAnyOrder("ozon/ORDER-6/LAMP-01", "ozon/ORDER-7/LAMP-01");
    }

    @Test
    void the_same_payee_and_amount_twice_within_the_window_is_a_duplicate_attempt_unless_one_was_rejected() {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        Money amount = Money.of("982.65", "RUB");
        var a = new AlertRules.Instruction("SH1", "40702810900000000001", amount, t, "BOOKED");
        var b = new AlertRules.Instruction("SH2", "40702810900000000001", amount, t.plus(Duration.ofHours(5)), "SENT");
        var rejected = new AlertRules.Instruction("SH2", "40702810900000000001", amount, t.plus(Duration.ofHours(5)), "REJECTED");
        var later = new AlertRules.Instruction("SH3", "40702810900000000001", amount, t.plus(Duration.ofDays(4)), "SENT");
        assertThat(AlertRules.duplicatePaymentAttempts("acme", List.of(b, a), Duration.ofHours(72))).extracting(Alert::subject)
                .containsExactly("SH1+SH2");
        assertThat(AlertRules.duplicatePaymentAttempts("acme", List.of(a, rejected, later), Duration.ofHours(72))).isEmpty();
    }

    @Test
    void a_feed_silent_beyond_its_schedule_and_a_rate_that_jumps_are_flagged() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        Map<String, Instant> last = Map.of("ozon", now.minus(Duration.ofHours(30)), "cbr", now.minus(Duration.ofHours(30)));
        assertThat(AlertRules.silentFeeds(last, Map.of("cbr", Duration.ofHours(72)), Duration.ofHours(26), now))
                .extracting(Alert::subject).containsExactly("ozon@" + now.minus(Duration.ofHours(30)));

        List<AlertRules.Rate> rates = List.of(new AlertRules.Rate("CNY", "RUB", LocalDate.of(2026, 11, 20), new BigDecimal("12.80")),
                new AlertRules.Rate("CNY", "RUB", LocalDate.of(2026, 11, 21), new BigDecimal("13.10")),
                new AlertRules.Rate("CNY", "RUB", LocalDate.of(2026, 11, 24), new BigDecimal("14.50")));
        assertThat(AlertRules.fxJumps(rates, new BigDecimal("0.05"))).extracting(Alert::subject).containsExactly("CNY/RUB@2026-11-24");
    }
}
