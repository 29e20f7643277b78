package io.settlehub.accounting.partner.onec;

import io.settlehub.connector.support.PartnerRejectedException;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Catalog lookups over OData, remembered once found (catalog items keep their Ref_Key for life). */
public class ODataCatalogs implements Catalogs {

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
