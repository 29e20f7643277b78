package io.settlehub.accounting.partner.onec;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Catalog lookups over OData, remembered once found (catalog items keep their Ref_Key and codes for life). */
public class ODataCatalogs implements Catalogs {

    /** The register of counterparties' prices (БП: РегистрСведений.ЦеныНоменклатурыКонтрагентов). */
    public static final String SUPPLIER_PRICES = "InformationRegister_ЦеныНоменклатурыКонтрагентов";

    private final ODataClient odata;
    private final Map<String, String> found = new ConcurrentHashMap<>();

    public ODataCatalogs(ODataClient odata) {
        this.odata = odata;
    }

    @Override
    public String nomenclature(String sku) {
        return lookup("Catalog_Номенклатура", "Артикул", sku, "SKU " + sku);
    }

    @Override
    public String currency(String isoCode) {
        String numeric = String.format("%03d", Currency.getInstance(isoCode).getNumericCode());
        return lookup("Catalog_Валюты", "Code", numeric, "currency " + isoCode);
    }

    @Override
    public Optional<String> skuOf(String itemKey) {
        String sku = found.computeIfAbsent("sku/" + itemKey,
                k -> odata.byKey("Catalog_Номенклатура", itemKey, "Артикул").path("Артикул").asText("").trim());
        return sku.isEmpty() ? Optional.empty() : Optional.of(sku);
    }

    @Override
    public String currencyOf(String currencyKey) {
        return found.computeIfAbsent("currency/" + currencyKey, k -> {
            String code = odata.byKey("Catalog_Валюты", currencyKey, "Code").path("Code").asText("").trim();
            return Currency.getAvailableCurrencies().stream().filter(c -> String.format("%03d", c.getNumericCode()).equals(code))
                    .map(Currency::getCurrencyCode).findFirst()
                    .orElseThrow(() -> new PartnerFormatException("1C currency " + currencyKey + " has code '" + code
                            + "', not an ISO 4217 numeric code"));
        });
    }

    @Override
    public Optional<Money> supplierPrice(String itemKey, String counterpartyKey, LocalDate day) {
        JsonNode rows = odata.query(SUPPLIER_PRICES, "Номенклатура_Key eq guid'" + itemKey + "' and Контрагент_Key eq guid'"
                + counterpartyKey + "' and Period le datetime'" + day + "T23:59:59'", null, "Period desc", 1, 0);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        JsonNode row = rows.get(0);
        BigDecimal price = row.path("Цена").decimalValue();
        if (price.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Money.rounded(price, currencyOf(row.path("Валюта_Key").asText())));
    }

    private String lookup(String catalog, String field, String value, String what) {
        String cacheKey = catalog + "/" + value;
        String key = found.get(cacheKey);
        if (key == null) {
            key = odata.findKey(catalog, field + " eq " + ODataClient.literal(value) + " and DeletionMark eq false")
                    .orElseThrow(() -> new PartnerRejectedException("1C has no " + catalog + " item with " + field + " = '" + value
                            + "' (" + what + "): add it in 1C, then replay the document from the dead-letter queue"));
            found.put(cacheKey, key);
        }
        return key;
    }
}
