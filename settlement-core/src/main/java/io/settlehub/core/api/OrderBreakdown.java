package io.settlehub.core.api;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.LineSettlement;
import io.settlehub.core.settlement.OrderSettlement;
import java.util.List;

/** The per-order table of the worked example, amounts as decimal strings. */
record OrderBreakdown(String orderId, String source, String currency, String gross, String marketplaceFees,
                      String marketplaceNet, String serviceCommission, String commissionVat, String goodsCost,
                      String customsCost, String logisticsCost, String landedCost, String clientNet,
                      String outstandingHold, String marketplacePaid, String marketplaceClawsBack, String pending,
                      String held, String available, List<Line> lines, List<String> eventIds) {

    record Line(String sku, int quantity, String gross, String marketplaceFees, String marketplaceNet, String serviceCommission,
                String commissionVat, String goodsCost, String customsCost, String logisticsCost, String landedCost,
                String clientNet, String pending, String held, String available, List<Lot> lots, List<String> eventIds) {
    }

    /** Units taken from one lot: unit goods cost in the supplier's currency, the rate used, unit customs and logistics. */
    record Lot(String receiptId, String supplierId, int quantity, String unitGoodsCost, String goodsCurrency, String rate,
               String unitCustoms, String unitLogistics) {
    }

    static OrderBreakdown of(OrderSettlement o) {
        return new OrderBreakdown(o.orderId(), o.source(), o.currency(),
                s(o.sum(LineSettlement::gross)), s(o.sum(LineSettlement::marketplaceFees)), s(o.sum(LineSettlement::marketplaceNet)),
                s(o.sum(LineSettlement::serviceCommission)), s(o.sum(LineSettlement::commissionVat)),
                s(o.sum(LineSettlement::goodsCost)), s(o.sum(LineSettlement::customsCost)), s(o.sum(LineSettlement::logisticsCost)),
                s(o.sum(LineSettlement::landedCost)), s(o.sum(LineSettlement::clientNet)),
                s(o.outstandingHold()), s(o.marketplacePaid()), s(o.paidBeyondNet()),
                s(o.sum(LineSettlement::pending)), s(o.sum(LineSettlement::held)), s(o.sum(LineSettlement::available)),
                o.lines().stream().map(OrderBreakdown::line).toList(), o.eventIds());
    }

    private static Line line(LineSettlement l) {
        return new Line(l.sku(), l.quantity(), s(l.gross()), s(l.marketplaceFees()), s(l.marketplaceNet()),
                s(l.serviceCommission()), s(l.commissionVat()), s(l.goodsCost()), s(l.customsCost()), s(l.logisticsCost()),
                s(l.landedCost()), s(l.clientNet()), s(l.pending()), s(l.held()), s(l.available()),
                l.lots().stream().map(u -> new Lot(u.receiptId(), u.supplierId(), u.quantity(), u.unitGoodsCost().plain(),
                        u.unitGoodsCost().currency(), u.rate().toPlainString(), plain(u.unitCustoms()), plain(u.unitLogistics())))
                        .toList(), l.eventIds());
    }

    private static String plain(java.math.BigDecimal unit) {
        return unit.stripTrailingZeros().toPlainString();
    }

    private static String s(Money money) {
        return money.plain();
    }
}
