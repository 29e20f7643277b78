package io.settlehub.core.api;

import io.settlehub.contract.Money;
import io.settlehub.core.payout.store.SupplierPaymentRepository.OrderPart;
import io.settlehub.core.settlement.LineSettlement;
import io.settlehub.core.settlement.OrderSettlement;
import java.util.List;
import java.util.function.Function;

/**
 * An order's waterfall, amounts as decimal strings: how the gross came about (sale, adjustments, refunds), what the
 * marketplace keeps (fees at sale, reversed, return logistics, late charges), commission and its VAT, landed cost, the
 * client net and the buckets it sits in; the supplier payments that paid for its goods with their FX differences.
 */
public record OrderBreakdown(String orderId, String source, String currency,
                      String saleGross, String adjustments, String refunds, String gross,
                      String saleFees, String feesReversed, String returnLogistics, String orderCharges, String marketplaceFees,
                      String marketplaceNet, String serviceCommission, String commissionVat, String goodsCost,
                      String customsCost, String logisticsCost, String landedCost, String clientNet,
                      String fxDifferenceToClient, String clientNetAfterFxDifference,
                      String outstandingHold, String marketplacePaid, String marketplaceClawsBack, String pending,
                      String held, String available, List<SupplierPayment> supplierPayments, List<Line> lines, List<String> eventIds) {

    public record Line(String sku, int quantity, int returned, String saleGross, String adjustments, String refunds, String gross,
                String saleFees, String feesReversed, String returnLogistics, String orderCharges, String marketplaceFees,
                String marketplaceNet, String serviceCommission, String commissionVat, String goodsCost, String customsCost,
                String logisticsCost, String landedCost, String clientNet, String pending, String held, String available,
                List<Lot> lots, List<String> eventIds) {
    }

    /** Units taken from one lot: unit goods cost in the supplier's currency, the rate used, unit customs and logistics. */
    public record Lot(String receiptId, String supplierId, int quantity, String unitGoodsCost, String goodsCurrency, String rate,
               String unitCustoms, String unitLogistics) {
    }

    /**
     * A supplier payment's part for this order: in the supplier's currency, what the client was charged for it, and the
     * order's share of the FX difference (positive: the bank debited more than was charged) with who bears it.
     */
    public record SupplierPayment(String instructionId, String supplierId, String status, String amount, String currency,
                           String charged, String bookedOn, String fxDifference, String fxDifferenceBornBy) {
    }

    public static OrderBreakdown of(OrderSettlement o, List<OrderPart> supplierParts) {
        Money toClient = supplierParts.stream().filter(p -> p.fxDifference() != null && "CLIENT".equals(p.fxBornBy()))
                .map(OrderPart::fxDifference).reduce(Money.zero(o.currency()), Money::plus);
        Money clientNet = o.sum(LineSettlement::clientNet);
        return new OrderBreakdown(o.orderId(), o.source(), o.currency(),
                sum(o, l -> l.waterfall().saleGross()), sum(o, l -> l.waterfall().adjustments()), sum(o, l -> l.waterfall().refunds()),
                sum(o, LineSettlement::gross), sum(o, l -> l.waterfall().saleFees()), sum(o, l -> l.waterfall().feesReversed()),
                sum(o, l -> l.waterfall().returnLogistics()), sum(o, l -> l.waterfall().orderCharges()),
                sum(o, LineSettlement::marketplaceFees), sum(o, LineSettlement::marketplaceNet),
                sum(o, LineSettlement::serviceCommission), sum(o, LineSettlement::commissionVat),
                sum(o, LineSettlement::goodsCost), sum(o, LineSettlement::customsCost), sum(o, LineSettlement::logisticsCost),
                sum(o, LineSettlement::landedCost), clientNet.plain(), toClient.plain(), clientNet.minus(toClient).plain(),
                s(o.outstandingHold()), s(o.marketplacePaid()), s(o.paidBeyondNet()),
                sum(o, LineSettlement::pending), sum(o, LineSettlement::held), sum(o, LineSettlement::available),
                supplierParts.stream().map(OrderBreakdown::supplierPayment).toList(),
                o.lines().stream().map(OrderBreakdown::line).toList(), o.eventIds());
    }

    private static SupplierPayment supplierPayment(OrderPart p) {
        return new SupplierPayment(p.instructionId(), p.supplierId(), p.status(), p.owed().plain(), p.owed().currency(),
                p.charged().plain(), p.bookedOn() == null ? null : p.bookedOn().toString(),
                p.fxDifference() == null ? null : p.fxDifference().plain(), p.fxBornBy());
    }

    private static Line line(LineSettlement l) {
        LineSettlement.Waterfall w = l.waterfall();
        return new Line(l.sku(), l.quantity(), l.returned(), s(w.saleGross()), s(w.adjustments()), s(w.refunds()), s(l.gross()),
                s(w.saleFees()), s(w.feesReversed()), s(w.returnLogistics()), s(w.orderCharges()), s(l.marketplaceFees()),
                s(l.marketplaceNet()), s(l.serviceCommission()), s(l.commissionVat()), s(l.goodsCost()), s(l.customsCost()),
                s(l.logisticsCost()), s(l.landedCost()), s(l.clientNet()), s(l.pending()), s(l.held()), s(l.available()),
                l.lots().stream().map(u -> new Lot(u.receiptId(), u.supplierId(), u.quantity(), u.unitGoodsCost().plain(),
                        u.unitGoodsCost().currency(), u.rate().toPlainString(), plain(u.unitCustoms()), plain(u.unitLogistics())))
                        .toList(), l.eventIds());
    }

    private static String sum(OrderSettlement o, Function<LineSettlement, Money> figure) {
        return o.sum(figure).plain();
    }

    /** A unit cost: at least the rouble's two decimals ("300.00"), more when the division left them ("8.3333"). */
    private static String plain(java.math.BigDecimal unit) {
        java.math.BigDecimal stripped = unit.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    private static String s(Money money) {
        return money.plain();
    }
}
