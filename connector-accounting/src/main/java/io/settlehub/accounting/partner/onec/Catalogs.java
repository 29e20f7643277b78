package io.settlehub.accounting.partner.onec;

/** The references a document needs from the infobase's catalogs, found by what the hub knows them by. */
public interface Catalogs {

    /** Ref_Key of the {@code Catalog_Номенклатура} item whose {@code Артикул} is the SKU. */
    String nomenclature(String sku);

    /** Ref_Key of the {@code Catalog_Валюты} item whose {@code Code} is the currency's ISO 4217 numeric code. */
    String currency(String isoCode);

    /** The {@code Артикул} of a {@code Catalog_Номенклатура} item; empty when the item has none. */
    java.util.Optional<String> skuOf(String itemKey);

    /** The ISO 4217 letter code of a {@code Catalog_Валюты} item (by its numeric {@code Code}). */
    String currencyOf(String currencyKey);

    /**
     * The supplier's price of an item in force on a day, from the price register of counterparties' prices (the latest
     * row dated on or before it), with its currency; empty when the supplier has no price for it.
     */
    java.util.Optional<io.settlehub.contract.Money> supplierPrice(String itemKey, String counterpartyKey, java.time.LocalDate day);
}
