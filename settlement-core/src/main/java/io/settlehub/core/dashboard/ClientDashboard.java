package io.settlehub.core.dashboard;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.HoldPlaced;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.core.ingest.SettlementService;
import io.settlehub.core.notify.BucketBalances;
import io.settlehub.core.settlement.ClientSettlement;
import io.settlehub.core.settlement.LineSettlement;
import io.settlehub.core.settlement.OrderSettlement;
import io.settlehub.core.store.FactRepository;
import io.settlehub.core.store.LedgerRepository;
import io.settlehub.core.store.LedgerRepository.Movement;
import io.settlehub.core.store.PaymentRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    private final SettlementService settlement;
    private final BucketBalances balances;
    private final PaymentRepository payments;
    private final FactRepository facts;
    private final LedgerRepository ledger;
    private final Clock clock;
    private final io.settlehub.core.store.AlertRepository alerts;

    public ClientDashboard(SettlementService settlement, BucketBalances balances, PaymentRepository payments, FactRepository facts,
                           LedgerRepository ledger, Clock clock, io.settlehub.core.store.AlertRepository alerts) {
        this.alerts = alerts;
        this.settlement = settlement;
        this.balances = balances;
        this.payments = payments;
        this.facts = facts;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record OrderRow(String orderId, String source, LocalDate soldOn, String currency, String gross, String marketplaceFees,
                           String commission, String landedCost, String clientNet, String pending, String held, String available) {
    }

    public record HoldRow(String orderId, String source, String amount, String currency, LocalDate expectedRelease) {
    }

    public record Page(String clientId, List<Map<String, String>> balances, List<OrderRow> orders,
                       List<PaymentRepository.PaymentView> payments, List<HoldRow> holds, String balanceChart, String expectedChart,
                       LocalDate today, LocalDate periodStart, String period, List<io.settlehub.core.store.AlertRepository.Raised> alerts) {
    }

    @Transactional(readOnly = true)
    public Page of(String clientId) {
        ClientSettlement settled = settlement.settlementOf(clientId).orElse(null);
        List<OrderSettlement> orders = settled == null ? List.of() : settled.orders().stream()
                .sorted(Comparator.comparing(OrderSettlement::soldAt).reversed()).toList();
        Map<String, Instant> releases = expectedReleases(clientId);
        List<HoldRow> holds = new ArrayList<>();
        for (OrderSettlement order : orders) {
            if (order.outstandingHold().signum() > 0) {
                Instant at = releases.get(order.orderId());
                holds.add(new HoldRow(order.orderId(), order.source(), order.outstandingHold().plain(), order.currency(),
                        at == null ? null : BusinessCalendar.dateOf(at)));
            }
        }
        holds.sort(Comparator.comparing(HoldRow::expectedRelease, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Map<String, String>> buckets = balances.of(clientId);
        String currency = buckets.isEmpty() ? "RUB" : buckets.get(0).get("currency");
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        return new Page(clientId, buckets, orders.stream().map(ClientDashboard::row).toList(), payments.ofClient(clientId), holds,
                balanceChart(clientId, currency, buckets), expectedChart(orders, holds, currency), today, today.withDayOfMonth(1),
                java.time.YearMonth.from(today).toString(), alerts.ofClient(clientId, 20));
    }

    private Map<String, Instant> expectedReleases(String clientId) {
        Map<String, Instant> releases = new HashMap<>();
        for (CanonicalEvent event : facts.factsOf(clientId)) {
            if (event.type() == EventType.HOLD_PLACED && ((HoldPlaced) event.payload()).expectedReleaseAt() != null) {
                HoldPlaced hold = (HoldPlaced) event.payload();
                releases.merge(hold.orderId(), hold.expectedReleaseAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return releases;
    }

    /** Owed (pending + held + available + in flight) and paid, day by day, rebuilt backwards from today's balances. */
    private String balanceChart(String clientId, String currency, List<Map<String, String>> buckets) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        LocalDate first = today.minusDays(DAYS - 1);
        Instant from = first.atStartOfDay(BusinessCalendar.ZONE).toInstant();
        List<Movement> movements = ledger.movements(clientId, from, today.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant())
                .stream().filter(m -> m.amount().currency().equals(currency)).toList();
        BigDecimal owedNow = BigDecimal.ZERO;
        BigDecimal paidNow = BigDecimal.ZERO;
        for (Map<String, String> b : buckets) {
            if (b.get("currency").equals(currency)) {
                owedNow = new BigDecimal(b.get("pending")).add(new BigDecimal(b.get("held"))).add(new BigDecimal(b.get("available")))
                        .add(new BigDecimal(b.get("inFlight")));
                paidNow = new BigDecimal(b.get("paid"));
            }
        }
        TreeMap<LocalDate, BigDecimal[]> byDay = new TreeMap<>();
        for (Movement m : movements) {
            BigDecimal[] day = byDay.computeIfAbsent(BusinessCalendar.dateOf(m.postedAt()), d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            day[m.bucket().equals("paid") ? 1 : 0] = day[m.bucket().equals("paid") ? 1 : 0].add(m.amount().amount());
        }
        if (byDay.isEmpty()) {
            return Charts.lines(List.of(), List.of(), "Balance over the last " + DAYS + " days (" + currency + ")");
        }
        LocalDate start = byDay.firstKey();
        BigDecimal owed = owedNow;
        BigDecimal paid = paidNow;
        for (BigDecimal[] day : byDay.values()) {
            owed = owed.subtract(day[0]);
            paid = paid.subtract(day[1]);
        }
        List<LocalDate> days = new ArrayList<>();
        List<BigDecimal> owedSeries = new ArrayList<>();
        List<BigDecimal> paidSeries = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
            BigDecimal[] day = byDay.get(d);
            if (day != null) {
                owed = owed.add(day[0]);
                paid = paid.add(day[1]);
            }
            days.add(d);
            owedSeries.add(owed);
            paidSeries.add(paid);
        }
        return Charts.lines(days, List.of(new Charts.Series("owed to you", owedSeries), new Charts.Series("paid", paidSeries)),
                "Balance over time (" + currency + ")");
    }

    /** Held money by its expected release day; pending money (not yet paid by the marketplace) as one bar. */
    private static String expectedChart(List<OrderSettlement> orders, List<HoldRow> holds, String currency) {
        TreeMap<String, BigDecimal> held = new TreeMap<>();
        for (HoldRow hold : holds) {
            if (hold.currency().equals(currency)) {
                held.merge(hold.expectedRelease() == null ? "date unknown" : hold.expectedRelease().toString(), new BigDecimal(hold.amount()),
                        BigDecimal::add);
            }
        }
        List<Charts.Bar> bars = new ArrayList<>();
        held.forEach((day, amount) -> bars.add(new Charts.Bar(day, List.of(amount, BigDecimal.ZERO))));
        BigDecimal pending = orders.stream().filter(o -> o.currency().equals(currency)).map(o -> o.sum(LineSettlement::pending))
                .map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (pending.signum() > 0) {
            bars.add(new Charts.Bar("pending", List.of(BigDecimal.ZERO, pending)));
        }
        return Charts.bars(bars, List.of("held until release", "pending marketplace payment"), "Cash expected by date (" + currency + ")");
    }

    private static OrderRow row(OrderSettlement o) {
        return new OrderRow(o.orderId(), o.source(), BusinessCalendar.dateOf(o.soldAt()), o.currency(), o.sum(LineSettlement::gross).plain(),
                o.sum(LineSettlement::marketplaceFees).plain(), o.sum(LineSettlement::serviceCommission).plus(o.sum(LineSettlement::commissionVat)).plain(),
                o.sum(LineSettlement::landedCost).plain(), o.sum(LineSettlement::clientNet).plain(), o.sum(LineSettlement::pending).plain(),
                o.sum(LineSettlement::held).plain(), o.sum(LineSettlement::available).plain());
    }
}
