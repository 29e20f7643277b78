package io.settlehub.contract;

import io.settlehub.contract.EventPayload.*;
import java.math.BigDecimal;
import java.util.Set;

/** Reads and validates the payload of each event type; every failure names the field. */
final class PayloadReader {

    private static final Set<String> PAYMENT_STATUSES = Set.of("ACCEPTED", "BOOKED", "REJECTED");

    private PayloadReader() {
    }

    static EventPayload read(EventType type, JsonFields p) {
        return switch (type) {
            case SALE -> sale(p);
            case HOLD_PLACED -> new HoldPlaced(p.id("orderId"), positive(p, "amount"), p.optionalInstant("expectedReleaseAt"));
            case HOLD_RELEASED -> new HoldReleased(p.id("orderId"), positive(p, "amount"));
            case PRICE_ADJUSTED -> new PriceAdjusted(p.id("orderId"), p.id("sku"), p.money("delta"), p.text("reason"));
            case RETURN -> new Return(p.id("orderId"), p.id("sku"), p.positiveInt("quantity"),
                    p.nonNegativeMoney("refund"), p.money("marketplaceFeesReversed"), p.nonNegativeMoney("returnLogisticsCost"));
            case MARKETPLACE_CHARGE -> new MarketplaceCharge(p.id("kind"), p.money("amount"), p.optionalId("orderId"));
            case MARKETPLACE_PAYOUT -> new MarketplacePayout(p.id("payoutId"), p.nonNegativeMoney("amount"),
                    p.optionalList("orders", (o, i) -> new PayoutOrder(o.id("orderId"), o.nonNegativeMoney("amount"))));
            case BANK_CREDIT -> new BankCredit(p.id("statementId"), p.id("entryRef"), positive(p, "amount"),
                    p.optionalId("payerTaxId"), p.text("payerName"), p.text("purpose"), p.instant("bookedAt"));
            case GOODS_RECEIVED -> new GoodsReceived(p.id("receiptId"), p.id("supplierId"),
                    p.list("lines", (l, i) -> new ReceiptLine(l.id("sku"), l.positiveInt("quantity"), l.nonNegativeMoney("unitCost"))));
            case SHIPMENT_COST -> new ShipmentCost(p.id("shipmentId"), p.id("receiptId"), p.id("carrier"),
                    p.nonNegativeMoney("amount"),
                    p.list("lines", (l, i) -> new SkuQuantity(l.id("sku"), l.positiveInt("quantity"))),
                    p.optionalPositiveInt("revision"));
            case CUSTOMS_ASSESSED -> new CustomsAssessed(p.id("declarationId"), p.id("receiptId"),
                    p.list("lines", (l, i) -> new CustomsLine(l.id("sku"), l.positiveInt("quantity"),
                            l.nonNegativeMoney("customsValue"), l.nonNegativeMoney("duty"), l.nonNegativeMoney("vat"),
                            l.nonNegativeMoney("fees"))),
                    p.optionalPositiveInt("revision"));
            case FX_RATE -> fxRate(p);
            case PAYMENT_STATUS -> paymentStatus(p);
        };
    }

    private static Sale sale(JsonFields p) {
        Sale sale = new Sale(p.id("orderId"), p.list("lines", (l, i) -> new SaleLine(
                l.id("sku"), l.positiveInt("quantity"), l.nonNegativeMoney("unitPrice"), l.nonNegativeMoney("discount"),
                l.optionalList("marketplaceFees", (f, j) -> new Fee(f.id("kind"), f.money("amount"))),
                l.optionalId("customsDeclaration"))));
        String currency = sale.lines().get(0).unitPrice().currency();
        for (int i = 0; i < sale.lines().size(); i++) {
            SaleLine line = sale.lines().get(i);
            String at = p.path() + ".lines[" + i + "]";
            requireCurrency(at + ".unitPrice", line.unitPrice(), currency);
            requireCurrency(at + ".discount", line.discount(), currency);
            for (int j = 0; j < line.marketplaceFees().size(); j++) {
                requireCurrency(at + ".marketplaceFees[" + j + "].amount", line.marketplaceFees().get(j).amount(), currency);
            }
        }
        return sale;
    }

    private static void requireCurrency(String field, Money money, String currency) {
        if (!money.currency().equals(currency)) {
            throw new InvalidMessageException(field, "currency " + money.currency() + " differs from the order's " + currency);
        }
    }

    private static FxRate fxRate(JsonFields p) {
        String base = p.currency("base");
        String quote = p.currency("quote");
        BigDecimal rate = p.decimal("rate");
        if (rate.signum() <= 0) {
            throw new InvalidMessageException(p.path() + ".rate", "must be positive, was " + rate.toPlainString());
        }
        return new FxRate(base, quote, rate, p.date("date"), p.optionalPositiveInt("revision"));
    }

    private static PaymentStatus paymentStatus(JsonFields p) {
        String status = p.text("status");
        if (!PAYMENT_STATUSES.contains(status)) {
            throw new InvalidMessageException(p.path() + ".status", "must be one of " + PAYMENT_STATUSES + ", was '" + status + "'");
        }
        return new PaymentStatus(p.text("instructionId", PaymentInstruction.MAX_ID), status, p.optionalText("reason"), p.optionalInstant("bookedAt"),
                p.optionalMoney("debitedAmount"));
    }


    private static Money positive(JsonFields p, String field) {
        Money money = p.money(field);
        if (money.signum() <= 0) {
            throw new InvalidMessageException(p.path() + "." + field, "must be positive, was " + money);
        }
        return money;
    }
}
