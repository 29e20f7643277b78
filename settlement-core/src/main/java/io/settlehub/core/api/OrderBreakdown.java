package io.settlehub.core.api;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.LineSettlement;
import io.settlehub.core.settlement.OrderSettlement;
import java.util.List;

/** The per-order table of the worked example, amounts as decimal strings. */
record OrderBreakdown(String orderId, String source, String currency, String gross, String marketplaceFees,
                      String marketplaceNet, String serviceCommission, String commissionVat, String goodsCost,
                      String customsCost, String logisticsCost, String landedCost, String clientNet,
                      String outstandingHold, String marketplacePaid, String pending, String held, String available,
                      List<Line> lines) {

    record Line(String sku, int quantity, String gross, String marketplaceFees, String serviceCommission,
                String commissionVat, String landedCost, String clientNet) {
    }

    static OrderBreakdown of(OrderSettlement o) {
        return new OrderBreakdown(o.orderId(), o.source(), o.currency(),
                s(o.sum(LineSettlement::gross)), s(o.sum(LineSettlement::marketplaceFees)), s(o.sum(LineSettlement::marketplaceNet)),
                s(o.sum(LineSettlement::serviceCommission)), s(o.sum(LineSettlement::commissionVat)),
                s(o.sum(LineSettlement::goodsCost)), s(o.sum(LineSettlement::customsCost)), s(o.sum(LineSettlement::logisticsCost)),
                s(o.sum(LineSettlement::landedCost)), s(o.sum(LineSettlement::clientNet)),
                s(o.outstandingHold()), s(o.marketplacePaid()),
                s(o.sum(LineSettlement::pending)), s(o.sum(LineSettlement::held)), s(o.sum(LineSettlement::available)),
                o.lines().stream().map(l -> new Line(l.sku(), l.quantity(), s(l.gross()), s(l.marketplaceFees()),
                        s(l.serviceCommission()), s(l.commissionVat()), s(l.landedCost()), s(l.clientNet()))).toList());
    }

    private static String s(Money money) {
        return money.plain();
    }
}
