package io.settlehub.core.accounting;

import io.settlehub.contract.AccountingDocument;
import io.settlehub.contract.AccountingDocument.AgentReport;
import io.settlehub.contract.AccountingDocument.Charge;
import io.settlehub.contract.AccountingDocument.Line;
import io.settlehub.contract.AccountingDocument.PaidOut;
import io.settlehub.contract.AccountingDocument.Totals;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.Money;
import io.settlehub.core.settlement.ClientSettlement;
import io.settlehub.core.settlement.LineSettlement;
import io.settlehub.core.settlement.OrderSettlement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The agent's report of one client, period and currency, derived from the client's settlement: the orders sold in the
 * period (by their business date) with their figures as they stand now, the marketplace charges without an order dated in
 * the period, and the payouts to the client created in it. A late fact about an October order changes October's report,
 * which is then issued again as a new version (decision 0006).
 */
public final class AgentReports {

    private AgentReports() {
    }

    /** A payout to the client as the report needs it. */
    public record Payout(String instructionId, Instant createdAt, Money amount, String status) {
    }

    /** The currencies in which the client has anything to report for the period. */
    public static Collection<String> currencies(ClientSettlement settlement, Map<String, Instant> chargeDates,
                                                List<Payout> payouts, YearMonth period) {
        TreeSet<String> currencies = new TreeSet<>();
        settlement.orders().stream().filter(o -> in(period, o.soldAt())).forEach(o -> currencies.add(o.currency()));
        settlement.charges().stream().filter(c -> in(period, chargeDates.get(c.eventId())))
                .forEach(c -> currencies.add(c.amount().currency()));
        payouts.stream().filter(p -> in(period, p.createdAt())).forEach(p -> currencies.add(p.amount().currency()));
        return currencies;
    }

    public static AgentReport of(ClientSettlement settlement, Map<String, Instant> chargeDates, List<Payout> payouts,
                                 YearMonth period, String currency) {
        List<Line> lines = new ArrayList<>();
        // in sale order, however the orders were read: a document's content, hence its version, must not depend on it
        List<OrderSettlement> orders = settlement.orders().stream().sorted(java.util.Comparator.comparing(OrderSettlement::soldAt)
                .thenComparing(OrderSettlement::source).thenComparing(OrderSettlement::orderId)).toList();
        for (OrderSettlement order : orders) {
            if (order.currency().equals(currency) && in(period, order.soldAt())) {
                LocalDate soldOn = BusinessCalendar.dateOf(order.soldAt());
                order.lines().forEach(l -> lines.add(line(order, soldOn, l)));
            }
        }
        List<Charge> charges = settlement.charges().stream()
                .filter(c -> c.amount().currency().equals(currency) && in(period, chargeDates.get(c.eventId())))
                .sorted(java.util.Comparator.comparing((ClientSettlement.Charge c) -> chargeDates.get(c.eventId()))
                        .thenComparing(ClientSettlement.Charge::eventId))
                .map(c -> new Charge(c.eventId(), c.source(), c.kind(), BusinessCalendar.dateOf(chargeDates.get(c.eventId())), c.amount()))
                .toList();
        List<PaidOut> paid = payouts.stream().filter(p -> p.amount().currency().equals(currency) && in(period, p.createdAt()))
                .map(p -> new PaidOut(p.instructionId(), BusinessCalendar.dateOf(p.createdAt()), p.amount(), p.status()))
                .toList();
        Money otherCharges = charges.stream().map(Charge::amount).reduce(Money.zero(currency), Money::plus);
        Totals totals = new Totals(sum(lines, Line::sales, currency), sum(lines, Line::returns, currency),
                sum(lines, Line::marketplaceFees, currency), sum(lines, Line::serviceCommission, currency),
                sum(lines, Line::commissionVat, currency), sum(lines, Line::goodsCost, currency),
                sum(lines, Line::customsCost, currency), sum(lines, Line::logisticsCost, currency), otherCharges,
                sum(lines, Line::clientNet, currency).minus(otherCharges),
                paid.stream().map(PaidOut::amount).reduce(Money.zero(currency), Money::plus));
        return new AgentReport(totals, lines, charges, paid);
    }

    /**
     * The document of a report: id {@code agent-report:<client>:<period>:<currency>}, dated the period's last day,
     * provisional while {@code today} is not after it.
     */
    public static AccountingDocument document(String clientId, YearMonth period, String currency, AgentReport report, LocalDate today) {
        Boolean provisional = today.isAfter(period.atEndOfMonth()) ? null : Boolean.TRUE;
        return new AccountingDocument("agent-report:" + clientId + ":" + period + ":" + currency, 0,
                AccountingDocument.Type.AGENT_REPORT, clientId, period.toString(), period.atEndOfMonth(), currency, null, provisional,
                report, null);
    }

    private static Line line(OrderSettlement order, LocalDate soldOn, LineSettlement l) {
        LineSettlement.Waterfall w = l.waterfall();
        return new Line(order.source(), order.orderId(), soldOn, l.sku(), l.quantity(), l.returned(),
                w.saleGross().plus(w.adjustments()), w.refunds(), l.marketplaceFees(), l.serviceCommission(), l.commissionVat(),
                l.goodsCost(), l.customsCost(), l.logisticsCost(), l.clientNet());
    }

    private static Money sum(List<Line> lines, Function<Line, Money> figure, String currency) {
        return lines.stream().map(figure).reduce(Money.zero(currency), Money::plus);
    }

    private static boolean in(YearMonth period, Instant at) {
        return at != null && YearMonth.from(BusinessCalendar.dateOf(at)).equals(period);
    }
}
