package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lot as a checkpoint records it: a receipt line with its unit costs (customs and logistics per unit, exact) and the
 * units left after the frontier. {@code id} is {@code <receipt event id>#<line index>}.
 */
public record StoredLot(String id, String receiptId, String supplierId, String sku, Instant receivedAt, int quantity,
                        Money unitGoodsCost, BigDecimal unitCustoms, BigDecimal unitLogistics, String costCurrency, int remaining) {
}
