package io.settlehub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void an_amount_takes_its_currencys_scale_and_refuses_more_decimals() {
        assertThat(new Money(new BigDecimal("1.500"), "RUB").amount()).isEqualByComparingTo("1.50").hasScaleOf(2);
        assertThat(new Money(new BigDecimal("1E+3"), "RUB").amount()).hasToString("1000.00");
        assertThat(new Money(new BigDecimal("7"), "JPY").amount()).hasScaleOf(0);
        assertThatThrownBy(() -> new Money(new BigDecimal("1.005"), "RUB")).hasMessageContaining("more decimals than RUB allows (2)");
    }

    @Test
    void a_sum_adds_every_part_and_refuses_another_currency() {
        assertThat(Money.sum("RUB", List.of(Money.of("3144.00", "RUB"), Money.of("-0.01", "RUB"), Money.of("0.5", "RUB"))))
                .isEqualTo(Money.of("3144.49", "RUB"));
        assertThat(Money.sum("CNY", List.of())).isEqualTo(Money.zero("CNY"));
        assertThatThrownBy(() -> Money.sum("RUB", List.of(Money.of("1.00", "RUB"), Money.of("1.00", "CNY"))))
                .hasMessage("currency mismatch: RUB vs CNY");
    }
}
