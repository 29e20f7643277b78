package io.settlehub.marketplace.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.PriceAdjusted;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.marketplace.partner.aliexpress.OrderListResponse.Amount;
import io.settlehub.marketplace.partner.aliexpress.OrderListResponse.Order;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Money conservation over every AliExpress fixture order: what the buyer paid ({@code pay_amount}) is the sale's price
 * plus what is left on an unmapped record of that field; the escrow and affiliate fees are the sale's fees; the refund
 * ({@code refund_amount}) is what the returns refund and the price adjustments take off, plus what is left on a record.
 */
class AliExpressMoneyConservationTest {

    static final ZoneId PLATFORM = ZoneId.of("Asia/Shanghai");

    static BigDecimal of(Amount amount) {
        return amount == null || amount.amount() == null ? BigDecimal.ZERO : new BigDecimal(amount.amount());
    }

    static BigDecimal left(MappingResult result, String field) {
        return result.unmapped().stream().filter(u -> field.equals(u.field())).map(u -> new BigDecimal(u.amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static void assertConserved(Order order, MappingResult result) {
        String which = "order " + order.orderId();
        if (result.events().isEmpty()) {
            assertThat(result.unmapped()).as(which + ": not paid, or unmapped whole").allMatch(u -> u.field() == null);
            return;
        }
        BigDecimal price = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        for (CanonicalEvent event : result.events()) {
            if (event.payload() instanceof Sale sale) {
                for (SaleLine line : sale.lines()) {
                    price = price.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity()))).subtract(line.discount().amount());
                    fees = fees.add(line.marketplaceFees().stream().map(f -> f.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            } else if (event.payload() instanceof Return ret) {
                refunded = refunded.add(ret.refund().amount());
            } else if (event.payload() instanceof PriceAdjusted adjusted) {
                refunded = refunded.add(adjusted.delta().amount().negate());
            }
        }
        assertThat(price.add(left(result, "pay_amount"))).as(which + ": pay_amount").isEqualByComparingTo(of(order.payAmount()));
        assertThat(fees).as(which + ": escrow_fee + affiliate_fee").isEqualByComparingTo(of(order.escrowFee()).add(of(order.affiliateFee())));
        assertThat(refunded.add(left(result, "refund_amount"))).as(which + ": refund_amount").isEqualByComparingTo(of(order.refundAmount()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders-page-1.json", "orders-page-2.json"})
    void every_order_of_every_fixture_is_accounted_for(String page) throws Exception {
        for (Order order : AliExpressOrderMapperTest.orders(page)) {
            assertConserved(order, AliExpressOrderMapper.map("acme", order, PLATFORM));
        }
    }

    static Order with(Order o, String payAmount, String refund) {
        return new Order(o.orderId(), o.gmtCreate(), o.gmtPayTime(), o.gmtUpdate(), o.orderStatus(), o.fundStatus(), o.frozenStatus(),
                o.issueStatus(), o.endReason(), new Amount(payAmount, "RUB"), o.escrowFee(), o.affiliateFee(),
                refund == null ? o.refundAmount() : new Amount(refund, "RUB"), o.gmtFundRelease(), o.productList());
    }

    @Test
    void shipping_the_buyer_paid_and_a_refund_beyond_the_goods_are_left_named() throws Exception {
        Order shipped = with(AliExpressOrderMapperTest.orders("orders-page-1.json").get(0), "2690.00", null);
        MappingResult result = AliExpressOrderMapper.map("acme", shipped, PLATFORM);
        assertThat(result.unmapped()).extracting(UnmappedRecord::recordId, UnmappedRecord::field, UnmappedRecord::amount)
                .containsExactly(tuple("aliexpress:acme:8191234567001:pay_amount", "pay_amount", "300.00"));
        assertConserved(shipped, result);

        Order overRefunded = with(AliExpressOrderMapperTest.orders("orders-page-2.json").get(0), "2390.00", "2690.00");
        MappingResult refunded = AliExpressOrderMapper.map("acme", overRefunded, PLATFORM);
        assertThat(refunded.unmapped()).extracting(UnmappedRecord::field, UnmappedRecord::amount).contains(tuple("refund_amount", "300.00"));
        assertConserved(overRefunded, refunded);
    }
}
