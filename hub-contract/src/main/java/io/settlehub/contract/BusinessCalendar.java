package io.settlehub.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are dates in Europe/Moscow (docs/design.md): a sale at 2026-10-04T22:30Z is on 10-05. */
public final class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private BusinessCalendar() {
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The instant a business day begins (its midnight in Moscow). */
    public static Instant startOf(java.time.LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The instant a business month starts (its first day's midnight in Moscow). */
    public static Instant startOf(java.time.YearMonth month) {
        return month.atDay(1).atStartOfDay(ZONE).toInstant();
    }
}
