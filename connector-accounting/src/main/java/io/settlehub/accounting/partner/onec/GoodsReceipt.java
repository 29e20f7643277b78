package io.settlehub.accounting.partner.onec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code Document_ПоступлениеТоваровУслуг} as 1C's OData gives it: the header references (counterparty, currency) as
 * Ref_Keys, the supplier's own invoice number ({@code НомерВходящегоДокумента}), and the goods in the tabular part
 * {@code Товары}. {@code Date} is the infobase's local time (no zone).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoodsReceipt(
        @JsonProperty("Ref_Key") String refKey,
        @JsonProperty("Number") String number,
        @JsonProperty("Date") String date,
        @JsonProperty("Posted") boolean posted,
        @JsonProperty("DeletionMark") boolean deletionMark,
        @JsonProperty("НомерВходящегоДокумента") String incomingNumber,
        @JsonProperty("Контрагент_Key") String counterpartyKey,
        @JsonProperty("ВалютаДокумента_Key") String currencyKey,
        @JsonProperty("Товары") List<Line> goods) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(
            @JsonProperty("LineNumber") String lineNumber,
            @JsonProperty("Номенклатура_Key") String itemKey,
            @JsonProperty("Количество") BigDecimal quantity,
            @JsonProperty("Цена") BigDecimal price,
            @JsonProperty("Сумма") BigDecimal amount) {
    }
}
