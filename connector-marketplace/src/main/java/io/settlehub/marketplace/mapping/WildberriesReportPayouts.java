package io.settlehub.marketplace.mapping;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PayoutOrder;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.marketplace.partner.wildberries.ReportRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wildberries pays each weekly realization report as one transfer: for its sales, {@code ppvz_for_pay} each, less
 * what its other rows withhold. So every report read whole becomes one {@code MARKETPLACE_PAYOUT} listing the orders
 * of its mapped sales with their {@code ppvz_for_pay}. Returns and charges are events of their own (a return of an
 * order paid earlier shows as what WB claws back; charges lower {@code available} directly), so the payout does not
 * net them: what arrives at the bank is the payout less those, and the bank statement reconciles it.
 */
public final class WildberriesReportPayouts {

    private record Report(long id, Instant at, String currency, Map<String, BigDecimal> byOrder) {
    }

    private final String clientId;
    private final Map<Long, Report> reports = new LinkedHashMap<>();

    public WildberriesReportPayouts(String clientId) {
        this.clientId = clientId;
    }

    /** Takes note of a mapped sale row. */
    public void sold(ReportRow row, CanonicalEvent sale) {
        Sale payload = (Sale) sale.payload();
        String currency = payload.lines().get(0).unitPrice().currency();
        Instant at = row.reportCreatedAt() != null ? row.reportCreatedAt()
                : row.reportDateTo() != null ? row.reportDateTo().plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant() : sale.occurredAt();
        Report report = reports.computeIfAbsent(row.reportId(), id -> new Report(id, at, currency, new LinkedHashMap<>()));
        report.byOrder().merge(payload.orderId(), row.forPay(), BigDecimal::add);
    }

    /** One payout per report seen, in the order the reports came. */
    public List<CanonicalEvent> payouts() {
        List<CanonicalEvent> events = new ArrayList<>();
        for (Report report : reports.values()) {
            List<PayoutOrder> orders = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> order : report.byOrder().entrySet()) {
                orders.add(new PayoutOrder(order.getKey(), new Money(order.getValue(), report.currency())));
                total = total.add(order.getValue());
            }
            events.add(new CanonicalEvent(WildberriesRowMapper.SOURCE + ":" + clientId + ":report:" + report.id() + ":payout",
                    EventType.MARKETPLACE_PAYOUT, EventCodec.SCHEMA_VERSION, WildberriesRowMapper.SOURCE, clientId, report.at(),
                    new MarketplacePayout("wb-report-" + report.id(), new Money(total, report.currency()), orders)));
        }
        return events;
    }
}
