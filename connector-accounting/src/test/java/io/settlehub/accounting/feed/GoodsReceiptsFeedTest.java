package io.settlehub.accounting.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.settlehub.accounting.OneCStub.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.settlehub.accounting.config.OneCProperties;
import io.settlehub.accounting.config.OneCProperties.Infobase;
import io.settlehub.accounting.partner.onec.ODataCatalogs;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.GoodsReceived;
import io.settlehub.contract.Money;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Goods receipts read from a 1C OData stub become GOODS_RECEIVED; what cannot be mapped whole is kept with the reason. */
class GoodsReceiptsFeedTest {

    /** The partner's stub: started once for the class, its stubs and requests reset before each test. */
    @RegisterExtension
    static final WireMockExtension ONEC = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    static final String RECEIPTS = "Document_ПоступлениеТоваровУслуг";
    static final String SUPPLIER = "77a0b1c2-0f4b-11ef-8a57-005056b7c1d1";
    static final String LAMP = "5b2d6a4e-1f0c-11ef-8a57-005056b7c1d1";
    static final String NO_SKU = "5b2d6a4f-1f0c-11ef-8a57-005056b7c1d1";
    static final String CNY = "a0c7b8b3-97d2-11e6-80c8-0cc47a0d6ba5";

    @TempDir
    Path state;

    @BeforeEach
    void reset() {
        ONEC.stubFor(get(set(RECEIPTS)).willReturn(okJson(fixture("1c/goods-receipts.json"))));
        ONEC.stubFor(get(keyed("Catalog_Номенклатура", LAMP, "")).willReturn(okJson(fixture("1c/item-lamp.json"))));
        ONEC.stubFor(get(keyed("Catalog_Номенклатура", NO_SKU, "")).willReturn(okJson(fixture("1c/item-without-sku.json"))));
        ONEC.stubFor(get(keyed("Catalog_Валюты", CNY, "")).willReturn(okJson(fixture("1c/currency-cny.json"))));
        ONEC.stubFor(get(set(ODataCatalogs.SUPPLIER_PRICES)).willReturn(okJson(fixture("1c/supplier-price-lamp.json"))));
    }

    GoodsReceiptsFeed feed(Map<String, String> suppliers) {
        Infobase acme = new Infobase("acme", ONEC.baseUrl() + BASE, USER, PASSWORD, null, null, null, LocalDate.of(2026, 2, 1), suppliers);
        OneCProperties onec = new OneCProperties("odata", null, state, null, null, List.of(acme));
        return new GoodsReceiptsFeed(onec, acmeInfobase(acme));
    }

    @Test
    void posted_receipts_become_goods_received_priced_from_the_line_or_the_suppliers_price_list() {
        GoodsReceiptsFeed feed = feed(Map.of(SUPPLIER, "shenzhen-lights"));
        var result = feed.fetch(feed.accounts().get(0));

        assertThat(result.events()).hasSize(2);
        CanonicalEvent first = result.events().get(0);
        GoodsReceived invoiced = (GoodsReceived) first.payload();
        assertThat(first.eventId()).isEqualTo("1c:acme:receipt:4c9d1a10-2f11-11ef-8a57-005056b7c1d1");
        assertThat(first.occurredAt()).as("12:00 in Moscow").isEqualTo(Instant.parse("2026-02-20T09:00:00Z"));
        assertThat(invoiced.receiptId()).as("the supplier's invoice number").isEqualTo("R-2026-0301");
        assertThat(invoiced.supplierId()).isEqualTo("shenzhen-lights");
        assertThat(invoiced.lines().get(0).sku()).isEqualTo("LAMP-01");
        assertThat(invoiced.lines().get(0).quantity()).isEqualTo(100);
        assertThat(invoiced.lines().get(0).unitCost()).isEqualTo(Money.of("72.00", "CNY"));
        GoodsReceived fromPriceList = (GoodsReceived) result.events().get(1).payload();
        assertThat(fromPriceList.receiptId()).as("1C's own number when the invoice number is empty").isEqualTo("0000-000102");
        assertThat(fromPriceList.lines().get(0).unitCost()).isEqualTo(Money.of("71.50", "CNY"));
        ONEC.verify(getRequestedFor(set(ODataCatalogs.SUPPLIER_PRICES)).withQueryParam("$filter",
                equalTo("Номенклатура_Key eq guid'" + LAMP + "' and Контрагент_Key eq guid'" + SUPPLIER
                        + "' and Period le datetime'2026-02-21T23:59:59'")).withQueryParam("$orderby", equalTo("Period desc")));

        assertThat(result.unmapped()).hasSize(1);
        assertThat(result.unmapped().get(0).reason()).contains("0000-000103").contains("has no SKU (Артикул)");
    }

    @Test
    void the_next_poll_asks_from_the_newest_receipt_date_and_an_unmapped_supplier_is_kept_with_the_reason() {
        GoodsReceiptsFeed feed = feed(Map.of());
        var result = feed.fetch(feed.accounts().get(0));
        assertThat(result.events()).isEmpty();
        assertThat(result.unmapped()).hasSize(3).allSatisfy(u -> assertThat(u.reason()).contains("is not mapped to a hub supplier"));
        ONEC.verify(getRequestedFor(set(RECEIPTS)).withQueryParam("$filter",
                equalTo("Posted eq true and DeletionMark eq false and Date ge datetime'2026-02-01T00:00:00'")));

        feed.commit(feed.accounts().get(0), result.next());
        feed.fetch(feed.accounts().get(0));
        ONEC.verify(getRequestedFor(set(RECEIPTS)).withQueryParam("$filter",
                equalTo("Posted eq true and DeletionMark eq false and Date ge datetime'2026-02-22T15:45:10'")));
    }
}
