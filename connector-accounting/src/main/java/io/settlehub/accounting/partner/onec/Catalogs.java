package io.settlehub.accounting.partner.onec;

/** The references a document needs from the infobase's catalogs, found by what the hub knows them by. */
public interface Catalogs {

    /** Ref_Key of the {@code Catalog_Номенклатура} item whose {@code Артикул} is the SKU. */
    String nomenclature(String sku);

    /** Ref_Key of the {@code Catalog_Валюты} item whose {@code Code} is the currency's ISO 4217 numeric code. */
    String currency(String isoCode);
}
