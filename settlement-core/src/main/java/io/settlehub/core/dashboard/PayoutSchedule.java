package io.settlehub.core.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * When a marketplace is expected to pay out what it owes now, for the cash-expected chart: an estimate by the
 * platform's usual rhythm, never used to move money. Wildberries pays weekly on the week's realization report
 * (expected the next Wednesday); Ozon twice a month (the 5th and the 20th); AliExpress and others weekly, the next
 * Monday. A payout day that is today counts as today.
 */
public final class PayoutSchedule {

    private PayoutSchedule() {
    }

    public static LocalDate next(String source, LocalDate today) {
        return switch (source) {
            case "wildberries" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
            case "ozon" -> today.getDayOfMonth() <= 5 ? today.withDayOfMonth(5)
                    : today.getDayOfMonth() <= 20 ? today.withDayOfMonth(20) : today.plusMonths(1).withDayOfMonth(5);
            default -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        };
    }

    /** The next weekday: when a payout run (on weekdays) pays what suppliers are due. */
    public static LocalDate nextRun(LocalDate today) {
        DayOfWeek day = today.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : today;
    }
}
