package io.settlehub.marketplace.mapping;

import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.contract.Allocation;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.HoldPlaced;
import io.settlehub.contract.EventPayload.HoldReleased;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.PayoutOrder;
import io.settlehub.contract.EventPayload.PriceAdjusted;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.marketplace.partner.aliexpress.OrderListResponse.Amount;
import io.settlehub.marketplace.partner.aliexpress.OrderListResponse.Order;
import io.settlehub.marketplace.partner.aliexpress.OrderListResponse.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An AliExpress order, as its status stands, → the canonical events of every stage it has reached. Each stage has
 * its own event id, so seeing the order again (it is polled by modification time) publishes only what is new:
 * <ul>
 *   <li>paid: {@code SALE} (lines at {@code product_unit_price}, discount down to {@code total_product_amount}; the
 *       escrow fee (AliExpress's commission) and affiliate fee split over the lines) and {@code HOLD_PLACED} for the
 *       whole marketplace net: AliExpress keeps the money in escrow until the buyer confirms receipt;</li>
 *   <li>refunded in full: {@code RETURN} of every line, fees given back; in part: {@code PRICE_ADJUSTED} down by the
 *       refund, and that much leaves the escrow ({@code HOLD_RELEASED});</li>
 *   <li>finished with the fund released: {@code HOLD_RELEASED} of the rest and a {@code MARKETPLACE_PAYOUT} of it.</li>
 * </ul>
 * What the buyer paid beyond the products ({@code pay_amount} above their {@code total_product_amount}: shipping the
 * buyer paid, say) and a refund beyond them are no sale or return of goods: each goes to an unmapped record naming
 * its field, the rest of the order mapped. No amount of the order is left out silently.
 */
public final class AliExpressOrderMapper {

    public static final String SOURCE = "aliexpress";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> UNPAID = Set.of("PLACE_ORDER_SUCCESS", "RISK_CONTROL");

    private AliExpressOrderMapper() {
    }

    public static MappingResult map(String clientId, Order order, ZoneId platformZone) {
        String id = SOURCE + ":" + clientId + ":" + order.orderId();
        try {
            if (order.gmtPayTime() == null || order.gmtPayTime().isBlank() || UNPAID.contains(order.orderStatus())) {
                return MappingResult.of(List.of());
            }
            List<Product> products = order.productList() == null || order.productList().products() == null ? List.of()
                    : order.productList().products();
            if (products.isEmpty()) {
                throw new IllegalArgumentException("a paid order without product_list");
            }
            String currency = products.get(0).totalProductAmount().currencyCode();
            List<BigDecimal> totals = new ArrayList<>();
            for (Product product : products) {
                totals.add(amount(product.totalProductAmount(), currency, "total_product_amount of product " + product.productId()));
            }
            BigDecimal fees = amountOrZero(order.escrowFee(), currency, "escrow_fee").add(amountOrZero(order.affiliateFee(), currency, "affiliate_fee"));
            List<BigDecimal> escrowShares = share(amountOrZero(order.escrowFee(), currency, "escrow_fee"), currency, totals);
            List<BigDecimal> affiliateShares = share(amountOrZero(order.affiliateFee(), currency, "affiliate_fee"), currency, totals);
            List<SaleLine> lines = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                lines.add(line(products.get(i), totals.get(i), escrowShares.get(i), affiliateShares.get(i), currency));
            }
            BigDecimal net = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add).subtract(fees);
            if (fees.signum() != 0 && totals.stream().allMatch(t -> t.signum() == 0)) {
                throw new IllegalArgumentException("fees of " + fees.toPlainString() + " on products that total nothing");
            }
            List<UnmappedRecord> unmapped = new ArrayList<>();
            BigDecimal paidBeyond = amountOrZero(order.payAmount(), currency, "pay_amount").subtract(totals.stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            if (order.payAmount() != null && paidBeyond.signum() != 0) {
                unmapped.add(UnmappedRecord.field(SOURCE, clientId, id, "pay_amount", paidBeyond, "order " + order.orderId()
                        + ": pay_amount differs from its products' total_product_amount by " + paidBeyond.toPlainString()
                        + " (shipping the buyer paid?): no sale of goods, left to an operator", PartnerJson.write(order)));
            }
            Instant paidAt = instant(order.gmtPayTime(), platformZone, "gmt_pay_time");
            List<CanonicalEvent> events = new ArrayList<>();
            events.add(event(id + ":sale", EventType.SALE, clientId, paidAt, new Sale(order.orderId(), lines)));
            events.add(event(id + ":hold", EventType.HOLD_PLACED, clientId, paidAt,
                    new HoldPlaced(order.orderId(), new Money(net, currency), null)));

            BigDecimal refund = amountOrZero(order.refundAmount(), currency, "refund_amount");
            BigDecimal gross = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Instant updatedAt = order.gmtUpdate() == null ? paidAt : instant(order.gmtUpdate(), platformZone, "gmt_update");
            if (refund.compareTo(gross) >= 0) {
                if (refund.compareTo(gross) > 0) {
                    unmapped.add(UnmappedRecord.field(SOURCE, clientId, id, "refund_amount", refund.subtract(gross), "order "
                            + order.orderId() + ": refund_amount " + refund.toPlainString() + " is more than the products' "
                            + gross.toPlainString() + ": the return refunds the products, the rest is left to an operator",
                            PartnerJson.write(order)));
                }
                for (int i = 0; i < products.size(); i++) {
                    Product product = products.get(i);
                    events.add(event(id + ":refund:" + i, EventType.RETURN, clientId, updatedAt, new Return(order.orderId(),
                            sku(product), product.productCount(), new Money(totals.get(i), currency),
                            new Money(escrowShares.get(i).add(affiliateShares.get(i)), currency), Money.zero(currency))));
                }
                return new MappingResult(events, unmapped);
            }
            if (refund.signum() > 0) {
                List<BigDecimal> parts = share(refund, currency, totals);
                for (int i = 0; i < products.size(); i++) {
                    if (parts.get(i).signum() != 0) {
                        events.add(event(id + ":refund:" + i, EventType.PRICE_ADJUSTED, clientId, updatedAt, new PriceAdjusted(
                                order.orderId(), sku(products.get(i)), new Money(parts.get(i).negate(), currency), "partial refund")));
                    }
                }
                events.add(event(id + ":refund:escrow", EventType.HOLD_RELEASED, clientId, updatedAt,
                        new HoldReleased(order.orderId(), new Money(refund, currency))));
            }
            if ("FINISH".equals(order.orderStatus()) && order.gmtFundRelease() != null && !order.gmtFundRelease().isBlank()) {
                Instant releasedAt = instant(order.gmtFundRelease(), platformZone, "gmt_fund_release");
                Money released = new Money(net.subtract(refund), currency);
                events.add(event(id + ":release", EventType.HOLD_RELEASED, clientId, releasedAt, new HoldReleased(order.orderId(), released)));
                events.add(event(id + ":payout", EventType.MARKETPLACE_PAYOUT, clientId, releasedAt, new MarketplacePayout(
                        "ae-" + order.orderId(), released, List.of(new PayoutOrder(order.orderId(), released)))));
            }
            return new MappingResult(events, unmapped);
        } catch (RuntimeException e) {
            return MappingResult.unmapped(new UnmappedRecord(SOURCE, clientId, id, "order " + order.orderId() + " cannot be mapped: "
                    + e.getMessage(), PartnerJson.write(order)));
        }
    }

    private static SaleLine line(Product product, BigDecimal total, BigDecimal escrow, BigDecimal affiliate, String currency) {
        if (product.productCount() <= 0) {
            throw new IllegalArgumentException("product " + product.productId() + ": product_count must be positive");
        }
        BigDecimal count = BigDecimal.valueOf(product.productCount());
        BigDecimal unit = product.unitPrice() == null ? total.divide(count) : amount(product.unitPrice(), currency,
                "product_unit_price of product " + product.productId());
        BigDecimal discount = unit.multiply(count).subtract(total);
        if (discount.signum() < 0) {
            unit = total.divide(count);
            discount = BigDecimal.ZERO;
        }
        List<Fee> fees = new ArrayList<>();
        if (escrow.signum() != 0) {
            fees.add(new Fee("commission", new Money(escrow, currency)));
        }
        if (affiliate.signum() != 0) {
            fees.add(new Fee("affiliate", new Money(affiliate, currency)));
        }
        return new SaleLine(sku(product), product.productCount(), new Money(unit, currency), new Money(discount, currency), fees);
    }

    private static String sku(Product product) {
        if (product.skuCode() == null || product.skuCode().isBlank()) {
            throw new IllegalArgumentException("product " + product.productId() + " has no sku_code (the seller's SKU)");
        }
        return product.skuCode();
    }

    private static List<BigDecimal> share(BigDecimal amount, String currency, List<BigDecimal> weights) {
        if (amount.signum() == 0 || weights.stream().allMatch(w -> w.signum() == 0)) {
            return weights.stream().map(w -> BigDecimal.ZERO).toList();
        }
        return Allocation.largestRemainder(amount, currency, weights);
    }

    private static BigDecimal amount(Amount amount, String currency, String field) {
        if (amount == null || amount.amount() == null || amount.amount().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (amount.currencyCode() != null && !amount.currencyCode().equals(currency)) {
            throw new IllegalArgumentException(field + " is in " + amount.currencyCode() + ", the order in " + currency);
        }
        return new Money(new BigDecimal(amount.amount()), currency).amount();
    }

    private static BigDecimal amountOrZero(Amount amount, String currency, String field) {
        return amount == null || amount.amount() == null || amount.amount().isBlank() ? BigDecimal.ZERO : amount(amount, currency, field);
    }

    private static Instant instant(String text, ZoneId zone, String field) {
        try {
            return LocalDateTime.parse(text, TIME).atZone(zone).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " is not \"yyyy-MM-dd HH:mm:ss\": '" + text + "'");
        }
    }

    private static CanonicalEvent event(String id, EventType type, String clientId, Instant at, EventPayload payload) {
        return new CanonicalEvent(id, type, EventCodec.SCHEMA_VERSION, SOURCE, clientId, at, payload);
    }
}
