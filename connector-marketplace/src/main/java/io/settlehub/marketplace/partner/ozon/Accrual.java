package io.settlehub.marketplace.partner.ozon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * One accrual of the 2026 accrual API. Its money fields keep the names and signs of the operations of the
 * retired {@code /v3/finance/transaction/list} (accruals_for_sale, sale_commission, amount; + accrual,
 * − deduction); {@code container_fees} are the per-service charges (the v3 {@code services}). Fields that
 * could not be checked against Ozon's published schema are listed in docs/partners/ozon.md.
 */
public record Accrual(
        @JsonProperty("accrual_id") String accrualId,
        @JsonProperty("type_id") Integer typeId,
        @JsonProperty("accrued_category") String accruedCategory,
        @JsonProperty("accrual_date") String accrualDate,
        @JsonProperty("posting_number") String postingNumber,
        @JsonProperty("accruals_for_sale") BigDecimal accrualsForSale,
        @JsonProperty("sale_commission") BigDecimal saleCommission,
        BigDecimal amount,
        @JsonProperty("currency_code") String currencyCode,
        List<Item> items,
        @JsonProperty("container_fees") List<ContainerFee> containerFees) {

    public List<Item> items() {
        return items == null ? List.of() : items;
    }

    public List<ContainerFee> containerFees() {
        return containerFees == null ? List.of() : containerFees;
    }

    /** A unit of goods: Ozon lists one item per unit, identified by Ozon's SKU and the seller's article. */
    public record Item(String name, Long sku, @JsonProperty("offer_id") String offerId) {
    }

    /** A service charge (negative) or compensation (positive), named by Ozon's service code. */
    public record ContainerFee(String name, BigDecimal price) {
    }
}
