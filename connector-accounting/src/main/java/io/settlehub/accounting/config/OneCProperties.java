package io.settlehub.accounting.config;

import io.settlehub.connector.support.feed.PartnerAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clients' 1C infobases. {@code mode} is {@code odata} (the standard OData interface) or {@code files} (documents
 * written as XML files into {@code exchangeDir/<clientId>/} for installations without OData). Each infobase names the
 * client it keeps the books of, its OData base URL and basic-auth user (the password only from the environment), and the
 * references documents need: the organisation, the hub operator as counterparty (the commission agent) and the
 * agreement with it, and the 1C counterparties that are the hub's suppliers ({@code suppliers}: Ref_Key → supplierId).
 */
@ConfigurationProperties("hub.onec")
public record OneCProperties(String mode, Duration requestTimeout, Path stateDir, Path exchangeDir, EntitySets entitySets,
                             List<Infobase> infobases) {

    public OneCProperties {
        mode = mode == null || mode.isBlank() ? "odata" : mode;
        if (!mode.equals("odata") && !mode.equals("files")) {
            throw new IllegalArgumentException("hub.onec.mode must be 'odata' or 'files', was '" + mode + "'");
        }
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        stateDir = stateDir == null ? Path.of("./.hub/state") : stateDir;
        exchangeDir = exchangeDir == null ? Path.of("./.hub/1c-exchange") : exchangeDir;
        entitySets = entitySets == null ? new EntitySets(null, null, null, null) : entitySets;
        infobases = infobases == null ? List.of() : infobases.stream().filter(Infobase::configured).toList();
    }

    public boolean filesMode() {
        return mode.equals("files");
    }

    public java.util.Optional<Infobase> infobase(String clientId) {
        return infobases.stream().filter(i -> i.clientId().equals(clientId)).findFirst();
    }

    /** The 1C objects documents go to and receipts come from (names as published in the infobase's OData composition). */
    public record EntitySets(String agentReport, String payout, String supplierPayment, String goodsReceipt) {
        public EntitySets {
            agentReport = or(agentReport, "Document_ОтчетКомиссионераОПродажах");
            payout = or(payout, "Document_ПоступлениеНаРасчетныйСчет");
            supplierPayment = or(supplierPayment, "Document_ОперацияБух");
            goodsReceipt = or(goodsReceipt, "Document_ПоступлениеТоваровУслуг");
        }

        private static String or(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /** One client's infobase. {@code receiptsFrom}: the first day goods receipts are read from, before any watermark. */
    public record Infobase(String clientId, String url, String user, String password, String organizationKey, String agentKey,
                           String agentContractKey, LocalDate receiptsFrom, Map<String, String> suppliers) implements PartnerAccount {

        public Infobase {
            suppliers = suppliers == null ? Map.of() : Map.copyOf(suppliers);
            receiptsFrom = receiptsFrom == null ? LocalDate.of(2026, 1, 1) : receiptsFrom;
            url = url == null ? null : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        boolean configured() {
            return clientId != null && !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "Infobase[clientId=" + clientId + ", url=" + url + ", user=" + user + ", password=****]";
        }
    }
}
