package io.settlehub.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.BusinessCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReadableTest {

    private static final String NBSP = "\u00a0";
    private final Readable russian = new Readable(Readable.RUSSIAN, BusinessCalendar.ZONE);
    private final Readable english = new Readable(Locale.UK, BusinessCalendar.ZONE);

    @Test
    void russian_readers_see_roubles_with_a_comma_and_spaces_between_thousands() {
        assertThat(russian.money(new BigDecimal("3144.00"), "RUB")).isEqualTo("3" + NBSP + "144,00" + NBSP + "₽");
        assertThat(russian.money(new BigDecimal("-188.5"), "RUB")).isEqualTo("-188,50" + NBSP + "₽");
        assertThat(russian.money("1234567.89", "RUB")).isEqualTo("1" + NBSP + "234" + NBSP + "567,89" + NBSP + "₽");
        assertThat(russian.number(new BigDecimal("12.3456"))).as("a unit cost keeps its digits").isEqualTo("12,3456");
        assertThat(russian.date(LocalDate.of(2026, 11, 30))).isEqualTo("30.11.2026");
        assertThat(russian.dateTime(Instant.parse("2026-11-30T21:05:00Z"))).as("Moscow time").isEqualTo("01.12.2026 00:05");
        assertThat(russian.month(YearMonth.of(2026, 11))).isEqualTo("ноябрь 2026");
    }

    @Test
    void english_readers_see_the_currency_code_after_a_point_decimal() {
        assertThat(english.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(english.money(new BigDecimal("3144.00"), "RUB")).isEqualTo("3,144.00" + NBSP + "RUB");
        assertThat(english.money(new BigDecimal("100"), "CNY")).isEqualTo("100.00" + NBSP + "CNY");
        assertThat(english.date(LocalDate.of(2026, 11, 30))).isEqualTo("30 Nov 2026");
        assertThat(english.month(YearMonth.of(2026, 3))).isEqualTo("March 2026");
    }

    @Test
    void any_other_language_reads_russian() {
        assertThat(Readable.supported(Locale.GERMAN)).isEqualTo(Readable.RUSSIAN);
        assertThat(Readable.supported(null)).isEqualTo(Readable.RUSSIAN);
        assertThat(Readable.supported(Locale.US)).isEqualTo(Locale.ENGLISH);
    }
}
