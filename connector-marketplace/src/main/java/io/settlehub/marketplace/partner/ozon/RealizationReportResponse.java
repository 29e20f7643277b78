package io.settlehub.marketplace.partner.ozon;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The commission agent's monthly realization report, available from the 5th of the following month; it leaves out
 * cancelled and non-purchased postings. Read from {@code POST /v2/finance/realization} ({@code {"month": 3, "year": 2026}}):
 * header {@code number}, {@code contract_number}, {@code currency_sys_name}, {@code receiver_inn}…; each row an
 * {@code item} (offer id, SKU) with what was delivered ({@code delivery_commission}) and returned
 * ({@code return_commission}), each an object of amounts and a quantity. The retired v1 layout ({@code /v1/finance/realization},
 * flat rows: {@code offer_id}, {@code sale_qty}, {@code sale_commission}…) is still read, into the same model.
 */
public record RealizationReportResponse(Result result) {

    public record Result(Header header, List<Row> rows) {

        public List<Row> rows() {
            return rows == null ? List.of() : rows;
        }
    }

    public record Header(@JsonAlias("num") String number, @JsonProperty("doc_date") String docDate,
                         @JsonProperty("contract_date") String contractDate,
                         @JsonProperty("contract_number") @JsonAlias("contract_num") String contractNumber,
                         @JsonProperty("currency_sys_name") @JsonAlias("currency_code") String currency,
                         @JsonProperty("doc_amount") BigDecimal docAmount, @JsonProperty("vat_amount") BigDecimal vatAmount,
                         @JsonProperty("payer_inn") String payerInn, @JsonProperty("payer_kpp") String payerKpp,
                         @JsonProperty("payer_name") String payerName,
                         @JsonProperty("receiver_inn") @JsonAlias("rcv_inn") String receiverInn,
                         @JsonProperty("receiver_kpp") @JsonAlias("rcv_kpp") String receiverKpp,
                         @JsonProperty("receiver_name") @JsonAlias("rcv_name") String receiverName,
                         @JsonProperty("start_date") String startDate, @JsonProperty("stop_date") String stopDate) {
    }

    /** The goods of a row: the seller's article ({@code offer_id}) and Ozon's SKU. */
    public record Item(String name, String barcode, @JsonProperty("offer_id") String offerId, Long sku) {
    }

    /** What was delivered or returned of a row's goods: the amounts Ozon accrues for them and how many units. */
    public record Movement(BigDecimal amount, BigDecimal bonus, BigDecimal commission, BigDecimal compensation,
                           @JsonProperty("price_per_instance") BigDecimal pricePerInstance, Integer quantity,
                           @JsonProperty("standard_fee") BigDecimal standardFee,
                           @JsonProperty("bank_coinvestment") BigDecimal bankCoinvestment, BigDecimal stars,
                           @JsonProperty("pick_up_point_coinvestment") BigDecimal pickUpPointCoinvestment, BigDecimal total) {

        public int units() {
            return quantity == null ? 0 : quantity;
        }
    }

    /** One row of the report, in the v2 layout whichever layout it came in. */
    @JsonDeserialize(using = RowReader.class)
    public record Row(Integer rowNumber, Item item, BigDecimal commissionRatio, BigDecimal sellerPricePerInstance, Movement delivered,
                      Movement returned) {

        /** The seller's article, else Ozon's SKU. */
        public String article() {
            if (item == null) {
                return "";
            }
            return item.offerId() != null && !item.offerId().isBlank() ? item.offerId() : String.valueOf(item.sku());
        }

        public int soldUnits() {
            return delivered == null ? 0 : delivered.units();
        }

        public int returnedUnits() {
            return returned == null ? 0 : returned.units();
        }
    }

    /** Reads a row of either layout: v2 (nested {@code item} and movements) or v1 (flat). */
    static final class RowReader extends StdDeserializer<Row> {

        RowReader() {
            super(Row.class);
        }

        @Override
        public Row deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode row = parser.readValueAsTree();
            if (row.has("item") || row.path("delivery_commission").isObject() || row.path("return_commission").isObject()) {
                return new Row(integer(row, "rowNumber", "row_number"), object(context, row, "item", Item.class),
                        decimal(row, "commission_ratio"), decimal(row, "seller_price_per_instance"),
                        object(context, row, "delivery_commission", Movement.class), object(context, row, "return_commission", Movement.class));
            }
            Item item = new Item(text(row, "product_name"), text(row, "barcode"), text(row, "offer_id"),
                    row.hasNonNull("product_id") ? row.get("product_id").asLong() : null);
            BigDecimal percent = decimal(row, "commission_percent");
            return new Row(integer(row, "row_number", "rowNumber"), item,
                    percent == null ? null : percent.movePointLeft(2), decimal(row, "price_sale"),
                    flat(row, "sale_amount", "sale_commission", "sale_discount", "price_sale", "sale_qty", "sale_price_seller"),
                    flat(row, "return_amount", "return_commission", "return_discount", "price_sale", "return_qty", "return_price_seller"));
        }

        private static <T> T object(DeserializationContext context, JsonNode row, String field, Class<T> type) throws IOException {
            return row.hasNonNull(field) ? context.readTreeAsValue(row.get(field), type) : null;
        }

        private static Movement flat(JsonNode row, String amount, String commission, String compensation, String price, String quantity,
                                     String total) {
            return new Movement(decimal(row, amount), null, decimal(row, commission), decimal(row, compensation), decimal(row, price),
                    integer(row, quantity, quantity), null, null, null, null, decimal(row, total));
        }

        private static BigDecimal decimal(JsonNode row, String field) {
            return row.hasNonNull(field) ? row.get(field).decimalValue() : null;
        }

        private static Integer integer(JsonNode row, String field, String alias) {
            JsonNode value = row.hasNonNull(field) ? row.get(field) : row.get(alias);
            return value == null || value.isNull() ? null : value.asInt();
        }

        private static String text(JsonNode row, String field) {
            return row.hasNonNull(field) ? row.get(field).asText() : null;
        }
    }
}
