package io.settlehub.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Typed payloads of the canonical events; field names are the JSON names of docs/design.md. */
public sealed interface EventPayload {

    record Sale(String orderId, List<SaleLine> lines) implements EventPayload {
    }

    /**
     * {@code customsDeclaration} (optional): the customs declaration the sold units were cleared under, when the
     * marketplace reports it (Wildberries' {@code declaration_number}); their lot is then taken first.
     */
    record SaleLine(String sku, int quantity, Money unitPrice, Money discount, List<Fee> marketplaceFees, String customsDeclaration) {

        public SaleLine(String sku, int quantity, Money unitPrice, Money discount, List<Fee> marketplaceFees) {
            this(sku, quantity, unitPrice, discount, marketplaceFees, null);
        }
    }

    /** A marketplace fee on a sale line; negative when the marketplace funds a discount or compensates. */
    record Fee(String kind, Money amount) {
    }

    record HoldPlaced(String orderId, Money amount, Instant expectedReleaseAt) implements EventPayload {
    }

    record HoldReleased(String orderId, Money amount) implements EventPayload {
    }

    record PriceAdjusted(String orderId, String sku, Money delta, String reason) implements EventPayload {
    }

    record Return(String orderId, String sku, int quantity, Money refund, Money marketplaceFeesReversed,
                  Money returnLogisticsCost) implements EventPayload {
    }

    record MarketplaceCharge(String kind, Money amount, String orderId) implements EventPayload {
    }

    record MarketplacePayout(String payoutId, Money amount, List<PayoutOrder> orders) implements EventPayload {
    }

    record PayoutOrder(String orderId, Money amount) {
    }

    record BankCredit(String statementId, String entryRef, Money amount, String payerTaxId, String payerName,
                      String purpose, Instant bookedAt) implements EventPayload {
    }

    record GoodsReceived(String receiptId, String supplierId, List<ReceiptLine> lines) implements EventPayload {
    }

    record ReceiptLine(String sku, int quantity, Money unitCost) {
    }

    record ShipmentCost(String shipmentId, String receiptId, String carrier, Money amount,
                        List<SkuQuantity> lines, Integer revision) implements EventPayload {
    }

    record SkuQuantity(String sku, int quantity) {
    }

    record CustomsAssessed(String declarationId, String receiptId, List<CustomsLine> lines, Integer revision)
            implements EventPayload {
    }

    record CustomsLine(String sku, int quantity, Money customsValue, Money duty, Money vat, Money fees) {
    }

    record FxRate(String base, String quote, BigDecimal rate, LocalDate date, Integer revision)
            implements EventPayload {
    }

    record PaymentStatus(String instructionId, String status, String reason, Instant bookedAt,
                         Money debitedAmount) implements EventPayload {
    }
}
