package io.settlehub.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PayoutScheduleTest {

    @Test
    void each_marketplace_pays_on_its_own_rhythm() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        assertThat(PayoutSchedule.next("wildberries", monday)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(PayoutSchedule.next("wildberries", LocalDate.of(2026, 12, 2))).as("today when it is the day").isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(PayoutSchedule.next("ozon", monday)).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(PayoutSchedule.next("ozon", LocalDate.of(2026, 12, 6))).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(PayoutSchedule.next("aliexpress", LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(PayoutSchedule.nextRun(LocalDate.of(2026, 12, 5))).as("a Saturday waits for Monday").isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
