package io.settlehub.core.reports;

import io.settlehub.contract.AccountingDocument.AgentReport;
import io.settlehub.contract.AccountingDocument.Totals;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.Money;
import io.settlehub.core.ledger.store.LedgerRepository.Movement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The client's two reports as {@link Report}s: the statement of its buckets for a period, and the agent's report. */
public final class ClientReports {

    private static final DateTimeFormatter MOSCOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessCalendar.ZONE);

    private ClientReports() {
    }

    /**
     * Opening balances, every movement of the period and closing balances, per bucket and currency. {@code closing} is the
     * balances at the period's end (today's less what moved since); opening = closing − the period's movements.
     */
    public static Report statement(String clientId, LocalDate from, LocalDate to, Map<String, Map<String, Money>> closing,
                                   List<Movement> movements) {
        Map<String, Map<String, Money>> moved = new TreeMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Movement m : movements) {
            moved.computeIfAbsent(m.amount().currency(), c -> new TreeMap<>()).merge(m.bucket(), m.amount(), Money::plus);
            rows.add(List.of(MOSCOW_TIME.format(m.postedAt()), m.bucket(), m.amount(), m.amount().currency(), m.component(), m.cause()));
        }
        List<List<Object>> balances = new ArrayList<>();
        for (var currency : closing.entrySet()) {
            for (String bucket : Arrays.stream(io.settlehub.core.ledger.Bucket.values()).map(io.settlehub.core.ledger.Bucket::kind).toList()) {
                Money close = currency.getValue().getOrDefault(bucket, Money.zero(currency.getKey()));
                Money change = moved.getOrDefault(currency.getKey(), Map.of()).getOrDefault(bucket, Money.zero(currency.getKey()));
                balances.add(List.of(currency.getKey(), bucket, close.minus(change), change, close));
            }
        }
        return new Report("Statement of " + clientId, List.of("Period: " + from + " to " + to + " (Europe/Moscow)",
                "Closing balances equal GET /api/clients/" + clientId + "/balances at the period's end."),
                List.of(new Report.Table("Balances", List.of("Currency", "Bucket", "Opening", "Movements", "Closing"), balances, null),
                        new Report.Table("Movements", List.of("Posted (Moscow)", "Bucket", "Amount", "Currency", "Figure", "Cause"),
                                rows, null)));
    }

    /** The agent's report of a period in each currency: totals, the orders sold, the charges and the payouts. */
    public static Report agentReport(String clientId, YearMonth period, Map<String, AgentReport> byCurrency) {
        List<Report.Table> tables = new ArrayList<>();
        for (var entry : byCurrency.entrySet()) {
            String ccy = entry.getKey();
            AgentReport report = entry.getValue();
            Totals t = report.totals();
            tables.add(new Report.Table("Totals " + ccy, List.of("Figure", "Amount"), List.of(
                    List.of("Sales", t.sales()), List.of("Returns", t.returns()), List.of("Marketplace fees", t.marketplaceFees()),
                    List.of("Service commission", t.serviceCommission()), List.of("VAT on the commission", t.commissionVat()),
                    List.of("Goods cost", t.goodsCost()), List.of("Customs", t.customsCost()), List.of("Logistics", t.logisticsCost()),
                    List.of("Other charges", t.otherCharges()), List.of("Paid out", t.paidOut())), List.of("Client net", t.clientNet())));
            List<List<Object>> lines = new ArrayList<>();
            report.lines().forEach(l -> lines.add(List.of(l.source(), l.orderId(), l.soldOn().toString(), l.sku(), l.quantity(), l.returned(),
                    l.sales(), l.returns(), l.marketplaceFees(), l.serviceCommission(), l.commissionVat(),
                    l.goodsCost().plus(l.customsCost()).plus(l.logisticsCost()), l.clientNet())));
            tables.add(new Report.Table("Orders " + ccy, List.of("Marketplace", "Order", "Sold on", "SKU", "Qty", "Returned", "Sales",
                    "Returns", "Marketplace fees", "Commission", "VAT", "Landed cost", "Client net"), lines,
                    lines.isEmpty() ? null : List.of("Total", "", "", "", "", "", t.sales(), t.returns(), t.marketplaceFees(),
                            t.serviceCommission(), t.commissionVat(), t.goodsCost().plus(t.customsCost()).plus(t.logisticsCost()),
                            t.clientNet().plus(t.otherCharges()))));
            List<List<Object>> charges = new ArrayList<>();
            report.charges().forEach(c -> charges.add(List.of(c.date().toString(), c.source(), c.kind(), c.amount(), c.eventId())));
            tables.add(new Report.Table("Charges " + ccy, List.of("Date", "Marketplace", "Kind", "Amount", "Event"), charges, null));
            List<List<Object>> payouts = new ArrayList<>();
            report.payouts().forEach(p -> payouts.add(List.of(p.date().toString(), p.instructionId(), p.amount(), p.status())));
            tables.add(new Report.Table("Payouts " + ccy, List.of("Date", "Instruction", "Amount", "Status"), payouts, null));
        }
        return new Report("Agent's report of " + clientId + ", " + period, List.of("Orders sold in " + period
                + " (Europe/Moscow) with their figures as they stand now; the same figures as the accounting document"
                + " agent-report:" + clientId + ":" + period + ":<currency>."), tables);
    }
}
