package io.settlehub.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.core.text.Readable;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentRowTest {

    @Test
    void a_payment_shows_its_payee_and_bank_and_moscow_times_to_the_minute_in_either_language() {
        PaymentRepository.PaymentView view = new PaymentRepository.PaymentView("SHAAA", Money.of("3144.00", "RUB"), "ACCEPTED",
                Instant.parse("2026-11-30T21:05:07.123456Z"), List.of(
                        new PaymentRepository.StatusChange("IN_FLIGHT", null, Instant.parse("2026-11-30T21:05:07.123456Z")),
                        new PaymentRepository.StatusChange("ACCEPTED", "re-routed from alfa to vtb after AG03",
                                Instant.parse("2026-11-30T21:15:00Z"))),
                new PaymentInstruction.Payee("ООО «Акме Импорт»", "40702810900000000001", "044525225", "7701234567", "770101001",
                        "ПАО Сбербанк", "30101810400000000225"));

        ClientDashboard.PaymentRow row = ClientDashboard.row(view);

        assertThat(row.payee()).isEqualTo("ООО «Акме Импорт»");
        assertThat(row.payeeBank()).isEqualTo("ПАО Сбербанк, 044525225");
        Readable russian = new Readable(Readable.RUSSIAN, BusinessCalendar.ZONE);
        assertThat(russian.dateTime(row.createdAt())).isEqualTo("01.12.2026 00:05");
        assertThat(russian.money(row.amount(), row.currency())).isEqualTo("3\u00a0144,00\u00a0₽");
        assertThat(row.history()).extracting(h -> russian.dateTime(h.at()) + " " + h.status())
                .containsExactly("01.12.2026 00:05 IN_FLIGHT", "01.12.2026 00:15 ACCEPTED");
        assertThat(new Readable(Locale.ENGLISH, BusinessCalendar.ZONE).dateTime(row.createdAt())).isEqualTo("01 Dec 2026 00:05");
    }
}
