package io.settlehub.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.core.ledger.BalanceLine;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.store.BalanceLineRepository.Line;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceWaterfallTest {

    @Test
    void lines_add_up_to_the_buckets_and_a_payout_moves_money_without_changing_what_was_earned() {
        List<BalanceWaterfall> waterfalls = BalanceWaterfall.of(List.of(
                new Line("RUB", BalanceLine.ORDERS, Bucket.PENDING, new BigDecimal("100.0000000000")),
                new Line("RUB", BalanceLine.ORDERS, Bucket.HELD, new BigDecimal("259.44")),
                new Line("RUB", BalanceLine.ORDERS, Bucket.AVAILABLE, new BigDecimal("3332.50")),
                new Line("RUB", BalanceLine.CHARGES, Bucket.AVAILABLE, new BigDecimal("-188.50")),
                new Line("RUB", BalanceLine.PAYOUTS, Bucket.AVAILABLE, new BigDecimal("-3000.00")),
                new Line("RUB", BalanceLine.PAYOUTS, Bucket.IN_FLIGHT, new BigDecimal("1000.00")),
                new Line("RUB", BalanceLine.PAYOUTS, Bucket.PAID, new BigDecimal("2000.00")),
                new Line("CNY", BalanceLine.CHARGES, Bucket.AVAILABLE, new BigDecimal("-5"))));

        assertThat(waterfalls).extracting(BalanceWaterfall::currency).containsExactly("CNY", "RUB");
        BalanceWaterfall cny = waterfalls.get(0);
        assertThat(cny.rows()).extracting(r -> r.line()).as("the orders' line always, others when they moved money")
                .containsExactly(BalanceLine.ORDERS, BalanceLine.CHARGES);
        assertThat(cny.total().in(Bucket.AVAILABLE)).isEqualByComparingTo("-5.00").hasToString("-5.00");

        BalanceWaterfall rub = waterfalls.get(1);
        assertThat(rub.rows()).extracting(r -> r.line()).containsExactly(BalanceLine.ORDERS, BalanceLine.CHARGES, BalanceLine.PAYOUTS);
        assertThat(rub.total().in(Bucket.AVAILABLE)).hasToString("144.00");
        assertThat(rub.total().in(Bucket.PENDING)).hasToString("100.00");
        assertThat(rub.rows().get(0).owed()).as("the orders' client net").hasToString("3691.94");
        assertThat(rub.rows().get(2).owed()).as("a payout lowers what is owed by what was paid").hasToString("-2000.00");
        assertThat(rub.total().owed()).hasToString("1503.44");
        for (Bucket bucket : Bucket.values()) {
            assertThat(rub.rows().stream().map(r -> r.in(bucket)).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(rub.total().in(bucket));
        }
    }

    @Test
    void each_transfer_belongs_to_the_line_of_its_component() {
        assertThat(BalanceLine.of("order/ozon/33920474-0032-1/available")).isEqualTo(BalanceLine.ORDERS);
        assertThat(BalanceLine.of("charge/wildberries:acme:storage:1")).isEqualTo(BalanceLine.CHARGES);
        assertThat(BalanceLine.of("payment/SH123/fx-difference")).isEqualTo(BalanceLine.FX_DIFFERENCES);
        assertThat(BalanceLine.of("payment/SH123")).isEqualTo(BalanceLine.PAYOUTS);
        assertThat(BalanceLine.of("payout/ozon/P-2")).isEqualTo(BalanceLine.OTHER);
    }
}
