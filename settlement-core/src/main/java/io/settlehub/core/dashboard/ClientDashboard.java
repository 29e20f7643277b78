package io.settlehub.core.dashboard;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.core.alerts.AlertRepository;
import io.settlehub.core.ledger.store.BalanceDayRepository;
import io.settlehub.core.ledger.store.BalanceLineRepository;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.notify.BucketBalances;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.settlement.OrderFigures;
import io.settlehub.core.settlement.SettlementPostings;
import io.settlehub.core.settlement.store.FactRepository;
import io.settlehub.core.settlement.store.HeldByReleaseRepository;
import io.settlehub.core.settlement.store.OrderFiguresRepository;
import io.settlehub.core.settlement.store.SettledStateRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a client's page shows: balances and the waterfall that explains them, orders with their figures, payments with
 * their history, holds with when they are expected to be released, and three charts. Read from what ingest keeps
 * current (balances, balance lines, order figures, days' movements): nothing is derived here.
 */
@Service
public class ClientDashboard {

    /** Orders, holds and charges listed on the page, latest first; every order is in the downloadable reports. */
    static final int LISTED = 200;
    static final int CHARGES_LISTED = 50;

    private final BucketBalances balances;
    private final PaymentRepository payments;
    private final OrderFiguresRepository orders;
    private final SettledStateRepository state;
    private final Clock clock;
    private final AlertRepository alerts;
    private final BalanceLineRepository lines;
    private final LedgerRepository ledger;
    private final FactRepository facts;
    private final DashboardCharts charts;

    public ClientDashboard(BucketBalances balances, PaymentRepository payments, OrderFiguresRepository orders, SettledStateRepository state,
                           Clock clock, AlertRepository alerts, BalanceLineRepository lines, LedgerRepository ledger, FactRepository facts,
                           DashboardCharts charts) {
        this.state = state;
        this.balances = balances;
        this.payments = payments;
        this.orders = orders;
        this.clock = clock;
        this.alerts = alerts;
        this.lines = lines;
        this.ledger = ledger;
        this.facts = facts;
        this.charts = charts;
    }

    public record OrderRow(String orderId, String source, LocalDate soldOn, String currency, BigDecimal gross, BigDecimal marketplaceFees,
                           BigDecimal commission, BigDecimal landedCost, BigDecimal clientNet, BigDecimal pending, BigDecimal held,
                           BigDecimal available) {
    }

    public record HoldRow(String orderId, String source, BigDecimal amount, String currency, LocalDate expectedRelease) {
    }

    /** A payment as the page lists it: to whom and which bank, how much, its status and history. */
    public record PaymentRow(String instructionId, String payee, String payeeBank, BigDecimal amount, String currency, String status,
                             Instant createdAt, List<PaymentRepository.StatusChange> history) {
    }

    /** A charge without an order: the event that brought it, when it happened, which marketplace and why. */
    public record ChargeRow(String eventId, LocalDate on, String source, String kind, BigDecimal amount, String currency) {

        /** The message key of its kind ({@code charge.kind.storage}); the page shows the kind itself when there is none. */
        public String kindKey() {
            return io.settlehub.core.text.MessageKeys.of("charge.kind.", kind);
        }
    }

    /**
     * {@code orders}: the latest {@value #LISTED} ({@code moreOrders}: the client has more); {@code holds}: the first {@value #LISTED} to be
     * released; {@code settled}: false while the client's settled state is being rebuilt (the orders are not listed yet).
     */
    public record Page(String clientId, List<Map<String, String>> balances, List<BalanceWaterfall> waterfalls, List<ChargeRow> charges,
                       List<OrderRow> orders, boolean moreOrders, List<PaymentRow> payments, List<HoldRow> holds,
                       DashboardCharts.Charts charts, LocalDate today, LocalDate periodStart, String period,
                       List<AlertRepository.Raised> alerts, boolean settled) {
    }

    @Transactional(readOnly = true)
    public Page of(String clientId, int days) {
        List<Map<String, String>> buckets = balances.of(clientId);
        String currency = buckets.isEmpty() ? "RUB" : buckets.get(0).get("currency");
        List<HoldRow> holds = orders.holding(clientId, LISTED).stream().map(o -> new HoldRow(o.orderId(), o.source(),
                o.outstandingHold().amount(), o.currency(), o.expectedRelease() == null ? null : BusinessCalendar.dateOf(o.expectedRelease())))
                .toList();
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        List<OrderFigures> latest = orders.latest(clientId, LISTED + 1);
        List<PaymentRepository.PaymentView> paid = payments.ofClient(clientId);
        return new Page(clientId, buckets, BalanceWaterfall.of(lines.of(clientId)), charges(clientId),
                latest.stream().limit(LISTED).map(ClientDashboard::row).toList(), latest.size() > LISTED,
                paid.stream().map(ClientDashboard::row).toList(), holds, charts.of(clientId, currency, buckets, paid, today, days),
                today, today.withDayOfMonth(1), YearMonth.from(today).toString(), alerts.ofClient(clientId, 20),
                state.hasCheckpoint(clientId));
    }

    /** The latest charges without an order, each with its event (what kind, from which marketplace, when). */
    private List<ChargeRow> charges(String clientId) {
        List<LedgerRepository.ComponentTotal> posted = ledger.latestComponents(clientId, SettlementPostings.chargeKey(""), CHARGES_LISTED);
        Map<String, CanonicalEvent> events = facts.byIds(posted.stream().map(c -> eventOf(c.component())).toList());
        return posted.stream().map(c -> {
            CanonicalEvent event = events.get(eventOf(c.component()));
            String kind = event != null && event.payload() instanceof EventPayload.MarketplaceCharge charge ? charge.kind() : "";
            return new ChargeRow(eventOf(c.component()), event == null ? null : BusinessCalendar.dateOf(event.occurredAt()),
                    event == null ? "" : event.source(), kind, c.toBuckets().amount(), c.toBuckets().currency());
        }).toList();
    }

    private static String eventOf(String chargeComponent) {
        return chargeComponent.substring(SettlementPostings.chargeKey("").length());
    }

    static PaymentRow row(PaymentRepository.PaymentView p) {
        PaymentInstruction.Payee payee = p.payee();
        return new PaymentRow(p.instructionId(), payee == null ? "" : payee.name(),
                payee == null ? "" : (payee.bankName() == null ? payee.bankId() : payee.bankName() + ", " + payee.bankId()),
                p.amount().amount(), p.amount().currency(), p.status(), p.createdAt(), p.history());
    }

    private static OrderRow row(OrderFigures o) {
        return new OrderRow(o.orderId(), o.source(), BusinessCalendar.dateOf(o.soldAt()), o.currency(), o.gross().amount(),
                o.marketplaceFees().amount(), o.commission().amount(), o.landedCost().amount(), o.clientNet().amount(), o.pending().amount(),
                o.held().amount(), o.available().amount());
    }
}
