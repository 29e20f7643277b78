package io.settlehub.core.dashboard;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.core.ledger.store.BalanceDayRepository;
import io.settlehub.core.payout.PayoutRules;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.payout.store.SupplierPaymentRepository;
import io.settlehub.core.settlement.SupplierDue;
import io.settlehub.core.settlement.store.HeldByReleaseRepository;
import io.settlehub.core.settlement.store.PendingBySourceRepository;
import io.settlehub.core.settlement.store.SupplierDueRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The client page's charts as data (the page draws them with ECharts): the balance by day over a chosen period, the
 * cash expected by date, and the payouts by month. Each reads a few rows kept current by ingest, never the journal.
 */
@Service
public class DashboardCharts {

    public static final int MONTHS = 12;
    public static final int LONGEST_PERIOD = 366;

    /** A series of a chart, named by a key the page translates ({@code chart.series.<key>}). */
    public record Series(String key, List<BigDecimal> values) {
    }

    /** Labels are dates ({@code LocalDate}, or {@link HeldByReleaseRepository#NOT_GIVEN}) or months ({@code YearMonth}). */
    public record Chart(String currency, List<Object> labels, List<Series> series) {

        public boolean empty() {
            return labels.isEmpty();
        }
    }

    public record Charts(Chart balance, Chart expected, Chart payouts, int days) {
    }

    private final BalanceDayRepository days;
    private final HeldByReleaseRepository held;
    private final PendingBySourceRepository pendingBySource;
    private final SupplierDueRepository supplierDues;
    private final SupplierPaymentRepository supplierPayments;

    public DashboardCharts(BalanceDayRepository days, HeldByReleaseRepository held, PendingBySourceRepository pendingBySource,
                           SupplierDueRepository supplierDues, SupplierPaymentRepository supplierPayments) {
        this.days = days;
        this.held = held;
        this.pendingBySource = pendingBySource;
        this.supplierDues = supplierDues;
        this.supplierPayments = supplierPayments;
    }

    public Charts of(String clientId, String currency, List<Map<String, String>> buckets, List<PaymentRepository.PaymentView> payments,
                     LocalDate today, int period) {
        int shown = Math.max(7, Math.min(LONGEST_PERIOD, period));
        return new Charts(balance(clientId, currency, buckets, today, shown), expected(clientId, currency, today),
                payouts(currency, payments, today), shown);
    }

    /**
     * Owed (pending + held + available + in flight) and paid at the end of each day of the period, counted back from
     * today's balances through each day's movements (a movement on the business day of the event that caused it).
     */
    Chart balance(String clientId, String currency, List<Map<String, String>> buckets, LocalDate today, int period) {
        if (buckets.stream().noneMatch(b -> b.get("currency").equals(currency))) {
            return new Chart(currency, List.of(), List.of());
        }
        BigDecimal owed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (Map<String, String> b : buckets) {
            if (b.get("currency").equals(currency)) {
                owed = new BigDecimal(b.get("pending")).add(new BigDecimal(b.get("held"))).add(new BigDecimal(b.get("available")))
                        .add(new BigDecimal(b.get("inFlight")));
                paid = new BigDecimal(b.get("paid"));
            }
        }
        LocalDate first = today.minusDays(period - 1L);
        TreeMap<LocalDate, BalanceDayRepository.Day> byDay = new TreeMap<>();
        // a movement dated after today (an event that names a future day) shows on today, so today's point is the balance
        days.since(clientId, currency, first.plusDays(1)).forEach(d -> byDay.merge(d.day().isAfter(today) ? today : d.day(), d,
                (a, b) -> new BalanceDayRepository.Day(a.day(), a.owed().add(b.owed()), a.paid().add(b.paid()))));
        for (BalanceDayRepository.Day day : byDay.values()) {
            owed = owed.subtract(day.owed());
            paid = paid.subtract(day.paid());
        }
        List<Object> labels = new ArrayList<>();
        List<BigDecimal> owedSeries = new ArrayList<>();
        List<BigDecimal> paidSeries = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            BalanceDayRepository.Day day = d.equals(first) ? null : byDay.get(d);
            if (day != null) {
                owed = owed.add(day.owed());
                paid = paid.add(day.paid());
            }
            labels.add(d);
            owedSeries.add(owed);
            paidSeries.add(paid);
        }
        return new Chart(currency, labels, List.of(new Series("owed", owedSeries), new Series("paid", paidSeries)));
    }

    /**
     * By date: held money by its expected release, what the marketplaces owe (pending) by their payout schedules, and
     * (negative) what the next payout run pays the client's suppliers for goods already deducted from its balance.
     */
    Chart expected(String clientId, String currency, LocalDate today) {
        TreeMap<LocalDate, BigDecimal[]> byDate = new TreeMap<>();
        held.of(clientId, currency).forEach((day, amount) -> add(byDate, day, 0, amount));
        pendingBySource.of(clientId, currency).forEach((source, amount) -> add(byDate, PayoutSchedule.next(source, today), 1, amount));
        for (var due : supplierDues.of(clientId).entrySet()) {
            SupplierDue.Due owed = due.getValue();
            if (!owed.charged().currency().equals(currency)) {
                continue;
            }
            Optional<SupplierDue.Due> payment = PayoutRules.supplierPayment(owed,
                    supplierPayments.covered(clientId, due.getKey(), owed.owed().currency(), owed.charged().currency()));
            payment.ifPresent(p -> add(byDate, PayoutSchedule.nextRun(today), 2, p.charged().amount().negate()));
        }
        List<Object> labels = new ArrayList<>(byDate.keySet());
        List<Series> series = new ArrayList<>();
        String[] keys = {"held", "marketplaces", "suppliers"};
        for (int part = 0; part < keys.length; part++) {
            int p = part;
            List<BigDecimal> values = byDate.values().stream().map(v -> v[p]).toList();
            if (values.stream().anyMatch(v -> v.signum() != 0)) {
                series.add(new Series(keys[part], values));
            }
        }
        return new Chart(currency, labels, series);
    }

    private static void add(TreeMap<LocalDate, BigDecimal[]> byDate, LocalDate day, int part, BigDecimal amount) {
        byDate.computeIfAbsent(day, d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO})[part] =
                byDate.get(day)[part].add(amount);
    }

    /** The client's payouts in {@code currency} by the Moscow month they were made, paid apart from still in flight. */
    Chart payouts(String currency, List<PaymentRepository.PaymentView> payments, LocalDate today) {
        YearMonth last = YearMonth.from(today);
        TreeMap<YearMonth, BigDecimal[]> byMonth = new TreeMap<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            byMonth.put(last.minusMonths(i), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
        for (PaymentRepository.PaymentView p : payments) {
            BigDecimal[] month = byMonth.get(YearMonth.from(BusinessCalendar.dateOf(p.createdAt())));
            if (month == null || !p.amount().currency().equals(currency) || p.status().equals("REJECTED")) {
                continue;
            }
            int part = p.status().equals("BOOKED") ? 0 : 1;
            month[part] = month[part].add(p.amount().amount());
        }
        return new Chart(currency, new ArrayList<>(byMonth.keySet()), List.of(
                new Series("paidOut", byMonth.values().stream().map(v -> v[0]).toList()),
                new Series("inFlight", byMonth.values().stream().map(v -> v[1]).toList())));
    }
}
