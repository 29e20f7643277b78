package io.settlehub.core.dashboard;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.core.alerts.AlertRepository;
import io.settlehub.core.ledger.store.BalanceDayRepository;
import io.settlehub.core.notify.BucketBalances;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.settlement.OrderFigures;
import io.settlehub.core.settlement.store.HeldByReleaseRepository;
import io.settlehub.core.settlement.store.OrderFiguresRepository;
import io.settlehub.core.settlement.store.SettledStateRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a client's page shows: balances, orders with their figures, payments with their history, holds with when they
 * are expected to be released, and two charts — the balance over the last 90 days, and the cash expected by date.
 */
@Service
public class ClientDashboard {

    static final int DAYS = 90;
    /** Orders and holds listed on the page, latest first; every order is in the downloadable reports. */
    static final int LISTED = 200;

    private final BucketBalances balances;
    private final PaymentRepository payments;
    private final OrderFiguresRepository orders;
    private final BalanceDayRepository days;
    private final HeldByReleaseRepository held;
    private final SettledStateRepository state;
    private final Clock clock;
    private final AlertRepository alerts;

    public ClientDashboard(BucketBalances balances, PaymentRepository payments, OrderFiguresRepository orders, BalanceDayRepository days,
                           HeldByReleaseRepository held, SettledStateRepository state, Clock clock, AlertRepository alerts) {
        this.held = held;
        this.state = state;
        this.balances = balances;
        this.payments = payments;
        this.orders = orders;
        this.days = days;
        this.clock = clock;
        this.alerts = alerts;
    }

    public record OrderRow(String orderId, String source, LocalDate soldOn, String currency, String gross, String marketplaceFees,
                           String commission, String landedCost, String clientNet, String pending, String held, String available) {
    }

    public record HoldRow(String orderId, String source, String amount, String currency, LocalDate expectedRelease) {
    }

    /** A payment as the page lists it: to whom and which bank, how much, its status and history at Moscow time. */
    public record PaymentRow(String instructionId, String payee, String payeeBank, String amount, String currency, String status,
                             String createdAt, List<String> history) {
    }

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(BusinessCalendar.ZONE);

    static PaymentRow row(PaymentRepository.PaymentView p) {
        List<String> history = p.history().stream().map(h -> SHOWN.format(h.at()) + " " + h.status()
                + (h.reason() == null ? "" : " (" + h.reason() + ")")).toList();
        PaymentInstruction.Payee payee = p.payee();
        return new PaymentRow(p.instructionId(), payee == null ? "" : payee.name(),
                payee == null ? "" : (payee.bankName() == null ? payee.bankId() : payee.bankName() + ", " + payee.bankId()),
                p.amount().plain(), p.amount().currency(), p.status(), SHOWN.format(p.createdAt()), history);
    }

    /**
     * {@code orders}: the latest {@value #LISTED} ({@code moreOrders}: the client has more); {@code holds}: the first {@value #LISTED} to be
     * released; {@code settled}: false while the client's settled state is being rebuilt (the orders are not listed yet).
     */
    public record Page(String clientId, List<Map<String, String>> balances, List<OrderRow> orders, boolean moreOrders,
                       List<PaymentRow> payments, List<HoldRow> holds, String balanceChart, String expectedChart,
                       LocalDate today, LocalDate periodStart, String period, List<AlertRepository.Raised> alerts, boolean settled) {
    }

    /** Read from what ingest keeps current (balances, order figures, days' movements): nothing is derived here. */
    @Transactional(readOnly = true)
    public Page of(String clientId) {
        List<Map<String, String>> buckets = balances.of(clientId);
        String currency = buckets.isEmpty() ? "RUB" : buckets.get(0).get("currency");
        List<HoldRow> holds = orders.holding(clientId, LISTED).stream().map(o -> new HoldRow(o.orderId(), o.source(),
                o.outstandingHold().plain(), o.currency(), o.expectedRelease() == null ? null : BusinessCalendar.dateOf(o.expectedRelease())))
                .toList();
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        List<OrderFigures> latest = orders.latest(clientId, LISTED + 1);
        return new Page(clientId, buckets, latest.stream().limit(LISTED).map(ClientDashboard::row).toList(),
                latest.size() > LISTED, payments.ofClient(clientId).stream().map(ClientDashboard::row).toList(), holds, balanceChart(clientId, currency, buckets, today),
                expectedChart(clientId, currency, buckets), today, today.withDayOfMonth(1), java.time.YearMonth.from(today).toString(),
                alerts.ofClient(clientId, 20), state.hasCheckpoint(clientId));
    }

    /** Owed (pending + held + available + in flight) and paid, day by day, rebuilt backwards from today's balances. */
    private String balanceChart(String clientId, String currency, List<Map<String, String>> buckets, LocalDate today) {
        LocalDate first = today.minusDays(DAYS - 1);
        BigDecimal owedNow = BigDecimal.ZERO;
        BigDecimal paidNow = BigDecimal.ZERO;
        for (Map<String, String> b : buckets) {
            if (b.get("currency").equals(currency)) {
                owedNow = new BigDecimal(b.get("pending")).add(new BigDecimal(b.get("held"))).add(new BigDecimal(b.get("available")))
                        .add(new BigDecimal(b.get("inFlight")));
                paidNow = new BigDecimal(b.get("paid"));
            }
        }
        TreeMap<LocalDate, BalanceDayRepository.Day> byDay = new TreeMap<>();
        days.since(clientId, currency, first).forEach(d -> byDay.put(d.day(), d));
        if (byDay.isEmpty()) {
            return Charts.lines(List.of(), List.of(), "Balance over the last " + DAYS + " days (" + currency + ")");
        }
        LocalDate start = byDay.firstKey();
        BigDecimal owed = owedNow;
        BigDecimal paid = paidNow;
        for (BalanceDayRepository.Day day : byDay.values()) {
            owed = owed.subtract(day.owed());
            paid = paid.subtract(day.paid());
        }
        List<LocalDate> dates = new ArrayList<>();
        List<BigDecimal> owedSeries = new ArrayList<>();
        List<BigDecimal> paidSeries = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
            BalanceDayRepository.Day day = byDay.get(d);
            if (day != null) {
                owed = owed.add(day.owed());
                paid = paid.add(day.paid());
            }
            dates.add(d);
            owedSeries.add(owed);
            paidSeries.add(paid);
        }
        return Charts.lines(dates, List.of(new Charts.Series("owed to you", owedSeries), new Charts.Series("paid", paidSeries)),
                "Balance over time (" + currency + ")");
    }

    /** Held money by its expected release day; pending money (not yet paid by the marketplace) as one bar. */
    private String expectedChart(String clientId, String currency, List<Map<String, String>> buckets) {
        List<Charts.Bar> bars = new ArrayList<>();
        held.of(clientId, currency).forEach((day, amount) -> bars.add(new Charts.Bar(
                day.equals(HeldByReleaseRepository.NOT_GIVEN) ? "date unknown" : day.toString(), List.of(amount, BigDecimal.ZERO))));
        BigDecimal pending = buckets.stream().filter(b -> b.get("currency").equals(currency)).map(b -> new BigDecimal(b.get("pending")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (pending.signum() > 0) {
            bars.add(new Charts.Bar("pending", List.of(BigDecimal.ZERO, pending)));
        }
        return Charts.bars(bars, List.of("held until release", "pending marketplace payment"), "Cash expected by date (" + currency + ")");
    }

    private static OrderRow row(OrderFigures o) {
        return new OrderRow(o.orderId(), o.source(), BusinessCalendar.dateOf(o.soldAt()), o.currency(), o.gross().plain(),
                o.marketplaceFees().plain(), o.commission().plain(), o.landedCost().plain(), o.clientNet().plain(), o.pending().plain(),
                o.held().plain(), o.available().plain());
    }
}
