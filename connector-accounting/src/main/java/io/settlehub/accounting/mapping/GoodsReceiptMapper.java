package io.settlehub.accounting.mapping;

import io.settlehub.accounting.partner.onec.Catalogs;
import io.settlehub.accounting.partner.onec.GoodsReceipt;
import io.settlehub.accounting.partner.onec.OneCJson;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.GoodsReceived;
import io.settlehub.contract.EventPayload.ReceiptLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A goods receipt of the client's 1C → {@code GOODS_RECEIVED}: the receipt is known by the supplier's invoice number
 * (the number customs declarations and freight bills cite; 1C's own number when it is empty), the supplier by the hub id
 * its 1C counterparty is mapped to, each line by the item's {@code Артикул} (SKU), its unit cost the line's price in the
 * document currency, or, when the line has no price, the supplier's price list price of the receipt's day. A receipt
 * that cannot be mapped whole — an unmapped supplier, an item without SKU, a fractional quantity, no price anywhere — is
 * kept unmapped with the reason, never published in part.
 */
public final class GoodsReceiptMapper {

    public static final String SOURCE = "1c";

    private GoodsReceiptMapper() {
    }

    public static MappingResult map(String clientId, GoodsReceipt receipt, Map<String, String> suppliers, Catalogs catalogs) {
        String supplierId = suppliers.get(receipt.counterpartyKey());
        if (supplierId == null) {
            return unmapped(clientId, receipt, "the counterparty " + receipt.counterpartyKey()
                    + " is not mapped to a hub supplier (hub.onec.infobases[].suppliers)");
        }
        if (receipt.goods() == null || receipt.goods().isEmpty()) {
            return unmapped(clientId, receipt, "the receipt has no goods (Товары is empty)");
        }
        LocalDateTime at = LocalDateTime.parse(receipt.date());
        String currency = catalogs.currencyOf(receipt.currencyKey());
        List<ReceiptLine> lines = new ArrayList<>();
        for (GoodsReceipt.Line line : receipt.goods()) {
            String where = "line " + line.lineNumber() + ": ";
            Optional<String> sku = catalogs.skuOf(line.itemKey());
            if (sku.isEmpty()) {
                return unmapped(clientId, receipt, where + "item " + line.itemKey() + " has no SKU (Артикул) in 1C");
            }
            if (line.quantity() == null || line.quantity().signum() <= 0 || line.quantity().stripTrailingZeros().scale() > 0) {
                return unmapped(clientId, receipt, where + "quantity must be a whole number of units, was " + line.quantity());
            }
            Optional<Money> unitCost = line.price() != null && line.price().signum() > 0
                    ? Optional.of(Money.rounded(line.price(), currency))
                    : catalogs.supplierPrice(line.itemKey(), receipt.counterpartyKey(), at.toLocalDate());
            if (unitCost.isEmpty()) {
                return unmapped(clientId, receipt, where + "no price on the line and none in the supplier's price list for "
                        + sku.get() + " on " + at.toLocalDate());
            }
            lines.add(new ReceiptLine(sku.get(), line.quantity().intValueExact(), unitCost.get()));
        }
        String receiptId = receipt.incomingNumber() == null || receipt.incomingNumber().isBlank() ? receipt.number()
                : receipt.incomingNumber().trim();
        Instant occurredAt = at.atZone(BusinessCalendar.ZONE).toInstant();
        return MappingResult.of(List.of(new CanonicalEvent(SOURCE + ":" + clientId + ":receipt:" + receipt.refKey(),
                EventType.GOODS_RECEIVED, 1, SOURCE, clientId, occurredAt, new GoodsReceived(receiptId, supplierId, lines))));
    }

    private static MappingResult unmapped(String clientId, GoodsReceipt receipt, String reason) {
        String json;
        try {
            json = OneCJson.MAPPER.writeValueAsString(receipt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            json = "{\"Ref_Key\": \"" + receipt.refKey() + "\"}";
        }
        return MappingResult.unmapped(new UnmappedRecord(SOURCE, clientId, "receipt " + receipt.number() + " (" + receipt.refKey() + ")",
                "receipt " + receipt.number() + ": " + reason, json));
    }
}
