package io.settlehub.marketplace.partner.ozon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /v1/finance/realization} ({@code {"date": "YYYY-MM"}}): the commission agent's monthly realization
 * report, available from the 5th of the following month; it leaves out cancelled and non-purchased postings.
 */
public record RealizationReportResponse(Result result) {

    public record Result(Header header, List<Row> rows) {

        public List<Row> rows() {
            return rows == null ? List.of() : rows;
        }
    }

    public record Header(String num, @JsonProperty("doc_date") String docDate, @JsonProperty("contract_date") String contractDate,
                         @JsonProperty("contract_num") String contractNum, @JsonProperty("currency_code") String currencyCode,
                         @JsonProperty("doc_amount") BigDecimal docAmount, @JsonProperty("vat_amount") BigDecimal vatAmount,
                         @JsonProperty("payer_inn") String payerInn, @JsonProperty("payer_kpp") String payerKpp,
                         @JsonProperty("payer_name") String payerName, @JsonProperty("rcv_inn") String rcvInn,
                         @JsonProperty("rcv_kpp") String rcvKpp, @JsonProperty("rcv_name") String rcvName,
                         @JsonProperty("start_date") String startDate, @JsonProperty("stop_date") String stopDate) {
    }

    public record Row(@JsonProperty("row_number") Integer rowNumber, @JsonProperty("product_id") Long productId,
                      @JsonProperty("product_name") String productName, String barcode, @JsonProperty("offer_id") String offerId,
                      @JsonProperty("commission_percent") BigDecimal commissionPercent, BigDecimal price,
                      @JsonProperty("price_sale") BigDecimal priceSale, @JsonProperty("sale_amount") BigDecimal saleAmount,
                      @JsonProperty("sale_commission") BigDecimal saleCommission, @JsonProperty("sale_discount") BigDecimal saleDiscount,
                      @JsonProperty("sale_price_seller") BigDecimal salePriceSeller, @JsonProperty("sale_qty") Integer saleQty,
                      @JsonProperty("return_sale") BigDecimal returnSale, @JsonProperty("return_amount") BigDecimal returnAmount,
                      @JsonProperty("return_commission") BigDecimal returnCommission,
                      @JsonProperty("return_discount") BigDecimal returnDiscount,
                      @JsonProperty("return_price_seller") BigDecimal returnPriceSeller, @JsonProperty("return_qty") Integer returnQty) {
    }
}
