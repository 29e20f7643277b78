package io.settlehub.core.reports;

import io.settlehub.contract.AccountingDocument.AgentReport;
import io.settlehub.contract.AccountingDocument.Totals;
import io.settlehub.contract.Money;
import io.settlehub.core.ledger.BalanceLine;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.store.LedgerRepository.Movement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client's two reports as {@link Report}s, in the reader's language: the statement of its buckets for a period,
 * and the agent's report.
 */
public final class ClientReports {

    private ClientReports() {
    }

    /**
     * Opening balances, the period's movements by cause (the balance waterfall: opening, each {@link BalanceLine},
     * closing), and every movement; per bucket and currency. {@code closing} is the balances at the period's end
     * (today's less what moved since); opening = closing − the period's movements.
     */
    public static Report statement(String clientId, LocalDate from, LocalDate to, Map<String, Map<String, Money>> closing,
                                   List<Movement> movements, Words words) {
        Map<String, Map<BalanceLine, Map<Bucket, Money>>> byLine = new TreeMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Movement m : movements) {
            String ccy = m.amount().currency();
            Bucket bucket = Bucket.ofKind(m.bucket()).orElseThrow();
            byLine.computeIfAbsent(ccy, c -> new EnumMap<>(BalanceLine.class))
                    .computeIfAbsent(BalanceLine.of(m.component()), l -> new EnumMap<>(Bucket.class))
                    .merge(bucket, m.amount(), Money::plus);
            rows.add(List.of(words.fmt().dateTime(m.postedAt()), words.of("bucket." + m.bucket()), m.amount(), ccy,
                    words.of("waterfall.line." + BalanceLine.of(m.component()).key()), m.component(), m.cause()));
        }
        List<String> bucketColumns = new ArrayList<>(List.of(words.of("report.currency"), words.of("report.line")));
        for (Bucket bucket : Bucket.values()) {
            bucketColumns.add(words.of("bucket." + bucket.kind()));
        }
        List<List<Object>> waterfall = new ArrayList<>();
        List<List<Object>> balances = new ArrayList<>();
        for (var currency : closing.entrySet()) {
            String ccy = currency.getKey();
            Map<BalanceLine, Map<Bucket, Money>> lines = byLine.getOrDefault(ccy, Map.of());
            List<Object> opening = new ArrayList<>(List.of(ccy, words.of("report.opening")));
            List<Object> close = new ArrayList<>(List.of(ccy, words.of("report.closing")));
            for (Bucket bucket : Bucket.values()) {
                Money closed = currency.getValue().getOrDefault(bucket.kind(), Money.zero(ccy));
                Money change = Money.zero(ccy);
                for (Map<Bucket, Money> moved : lines.values()) {
                    change = change.plus(moved.getOrDefault(bucket, Money.zero(ccy)));
                }
                opening.add(closed.minus(change));
                close.add(closed);
                balances.add(List.of(ccy, words.of("bucket." + bucket.kind()), closed.minus(change), change, closed));
            }
            waterfall.add(opening);
            lines.forEach((line, moved) -> {
                List<Object> row = new ArrayList<>(List.of(ccy, words.of("waterfall.line." + line.key())));
                for (Bucket bucket : Bucket.values()) {
                    row.add(moved.getOrDefault(bucket, Money.zero(ccy)));
                }
                waterfall.add(row);
            });
            waterfall.add(close);
        }
        return new Report(words.of("report.statement.title", clientId), List.of(
                words.of("report.statement.period", words.fmt().date(from), words.fmt().date(to)),
                words.of("report.statement.about", clientId)),
                List.of(new Report.Table(words.of("report.statement.balances"), List.of(words.of("report.currency"),
                                words.of("report.bucket"), words.of("report.openingColumn"), words.of("report.movements"),
                                words.of("report.closingColumn")), balances, null),
                        new Report.Table(words.of("report.statement.explained"), bucketColumns, waterfall, null),
                        new Report.Table(words.of("report.statement.movements"), List.of(words.of("report.posted"), words.of("report.bucket"),
                                words.of("common.amount"), words.of("report.currency"), words.of("report.line"), words.of("report.figure"),
                                words.of("report.cause")), rows, null)),
                words.fmt().locale());
    }

    /** The agent's report of a period in each currency: totals, the orders sold, the charges and the payouts. */
    public static Report agentReport(String clientId, YearMonth period, Map<String, AgentReport> byCurrency, Words words) {
        List<Report.Table> tables = new ArrayList<>();
        for (var entry : byCurrency.entrySet()) {
            String ccy = entry.getKey();
            AgentReport report = entry.getValue();
            Totals t = report.totals();
            tables.add(new Report.Table(words.of("report.agent.totals", ccy), List.of(words.of("report.figure"), words.of("common.amount")),
                    List.of(List.of(words.of("report.agent.sales"), t.sales()), List.of(words.of("order.refunds"), t.returns()),
                            List.of(words.of("orders.fees"), t.marketplaceFees()), List.of(words.of("order.serviceCommission"), t.serviceCommission()),
                            List.of(words.of("order.commissionVat"), t.commissionVat()), List.of(words.of("order.goodsCost"), t.goodsCost()),
                            List.of(words.of("order.customs"), t.customsCost()), List.of(words.of("order.logistics"), t.logisticsCost()),
                            List.of(words.of("report.agent.otherCharges"), t.otherCharges()), List.of(words.of("report.agent.paidOut"), t.paidOut())),
                    List.of(words.of("orders.clientNet"), t.clientNet())));
            List<List<Object>> lines = new ArrayList<>();
            report.lines().forEach(l -> lines.add(List.of(l.source(), l.orderId(), words.fmt().date(l.soldOn()), l.sku(), l.quantity(),
                    l.returned(), l.sales(), l.returns(), l.marketplaceFees(), l.serviceCommission(), l.commissionVat(),
                    l.goodsCost().plus(l.customsCost()).plus(l.logisticsCost()), l.clientNet())));
            tables.add(new Report.Table(words.of("report.agent.orders", ccy), List.of(words.of("common.marketplace"), words.of("common.order"),
                    words.of("orders.soldOn"), "SKU", words.of("order.qty"), words.of("order.returned"), words.of("report.agent.sales"),
                    words.of("order.refunds"), words.of("orders.fees"), words.of("order.serviceCommission"), words.of("report.agent.vat"),
                    words.of("orders.landedCost"), words.of("orders.clientNet")), lines,
                    lines.isEmpty() ? null : List.of(words.of("report.total"), "", "", "", "", "", t.sales(), t.returns(), t.marketplaceFees(),
                            t.serviceCommission(), t.commissionVat(), t.goodsCost().plus(t.customsCost()).plus(t.logisticsCost()),
                            t.clientNet().plus(t.otherCharges()))));
            List<List<Object>> charges = new ArrayList<>();
            report.charges().forEach(c -> charges.add(List.of(words.fmt().date(c.date()), c.source(), words.named(io.settlehub.core.text.MessageKeys.of("charge.kind.", c.kind()), c.kind()),
                    c.amount(), c.eventId())));
            tables.add(new Report.Table(words.of("report.agent.charges", ccy), List.of(words.of("charges.date"), words.of("common.marketplace"),
                    words.of("charges.kind"), words.of("common.amount"), words.of("charges.event")), charges, null));
            List<List<Object>> payouts = new ArrayList<>();
            report.payouts().forEach(p -> payouts.add(List.of(words.fmt().date(p.date()), p.instructionId(), p.amount(),
                    words.named("payment.status." + p.status(), p.status()))));
            tables.add(new Report.Table(words.of("report.agent.payouts", ccy), List.of(words.of("charges.date"), words.of("report.instruction"),
                    words.of("common.amount"), words.of("payments.status")), payouts, null));
        }
        return new Report(words.of("report.agent.title", clientId, words.fmt().month(period)),
                List.of(words.of("report.agent.about", words.fmt().month(period), "agent-report:" + clientId + ":" + period + ":<currency>")),
                tables, words.fmt().locale());
    }
}
