package io.settlehub.accounting.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.settlehub.accounting.config.OneCProperties.EntitySets;
import io.settlehub.accounting.config.OneCProperties.Infobase;
import io.settlehub.accounting.partner.onec.Catalogs;
import io.settlehub.accounting.partner.onec.OneCEntity;
import io.settlehub.accounting.partner.onec.OneCJson;
import io.settlehub.contract.JsonFields;
import io.settlehub.contract.Money;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hub accounting document as the client's 1C keeps it (field names of the typical configuration, docs/partners/1c-odata.md):
 * <ul>
 *   <li>the agent's report → {@code Отчет комиссионера о продажах} from the hub operator (the commission agent), goods
 *       kept by the buyers per SKU in {@code Товары}, the agent's fee with its VAT withheld from the proceeds;</li>
 *   <li>a payout → {@code Поступление на расчетный счет} from the agent;</li>
 *   <li>a supplier payment → an operation entered by hand ({@code Операция}), the supplier paid by the agent.</li>
 * </ul>
 * Every document carries the comment {@code settlehub:<documentId>}, by which the hub finds it again.
 */
public final class OneCDocumentMapper {

    public static final String MARKER_PREFIX = "settlehub:";

    private final EntitySets sets;

    public OneCDocumentMapper(EntitySets sets) {
        this.sets = sets;
    }

    public OneCEntity map(HubDocument document, Infobase infobase, Catalogs catalogs) {
        String marker = MARKER_PREFIX + document.documentId();
        ObjectNode body = OneCJson.MAPPER.createObjectNode();
        body.put("Date", endOfDay(document.documentDate()));
        putKey(body, "Организация_Key", infobase.organizationKey());
        body.put("ВалютаДокумента_Key", catalogs.currency(document.currency()));
        body.put("Комментарий", marker);
        return switch (document.type()) {
            case "AGENT_REPORT" -> agentReport(document, infobase, catalogs, body, marker);
            case "PAYOUT" -> payout(document, infobase, body, marker);
            default -> supplierPayment(document, body, marker);
        };
    }

    private OneCEntity agentReport(HubDocument document, Infobase infobase, Catalogs catalogs, ObjectNode body, String marker) {
        JsonFields report = document.fields().object("agentReport");
        JsonFields totals = report.object("totals");
        Money fee = totals.money("serviceCommission").plus(totals.money("commissionVat"));
        putKey(body, "Контрагент_Key", infobase.agentKey());
        putKey(body, "ДоговорКонтрагента_Key", infobase.agentContractKey());
        body.put("НомерВходящегоДокумента", "SH-" + document.period() + "-" + document.currency());
        body.put("ДатаВходящегоДокумента", startOfDay(document.documentDate()));
        body.put("СуммаВключаетНДС", true);
        body.put("УдержатьКомиссионноеВознаграждение", true);
        body.put("СуммаВознаграждения", fee.amount());
        body.put("СуммаНДСВознаграждения", totals.money("commissionVat").amount());
        body.put("СуммаДокумента", totals.money("sales").minus(totals.money("returns")).amount());
        ArrayNode goods = body.putArray("Товары");
        for (Map.Entry<String, Kept> sku : keptBySku(report).entrySet()) {
            Kept kept = sku.getValue();
            if (kept.quantity == 0) {
                continue;
            }
            ObjectNode row = goods.addObject();
            row.put("LineNumber", String.valueOf(goods.size()));
            row.put("Номенклатура_Key", catalogs.nomenclature(sku.getKey()));
            row.put("Количество", kept.quantity);
            row.put("Цена", kept.amount.amount().divide(java.math.BigDecimal.valueOf(kept.quantity), 2, java.math.RoundingMode.HALF_UP));
            row.put("Сумма", kept.amount.amount());
        }
        return new OneCEntity(sets.agentReport(), body, marker);
    }

    private OneCEntity payout(HubDocument document, Infobase infobase, ObjectNode body, String marker) {
        JsonFields payment = document.fields().object("payment");
        putKey(body, "Контрагент_Key", infobase.agentKey());
        putKey(body, "ДоговорКонтрагента_Key", infobase.agentContractKey());
        body.put("ВидОперации", "ОплатаПокупателя");
        body.put("НомерВходящегоДокумента", payment.text("instructionId"));
        body.put("ДатаВходящегоДокумента", startOfDay(document.documentDate()));
        body.put("СуммаДокумента", payment.money("amount").amount());
        body.put("НазначениеПлатежа", payment.text("purpose"));
        return new OneCEntity(sets.payout(), body, marker);
    }

    private OneCEntity supplierPayment(HubDocument document, ObjectNode body, String marker) {
        JsonFields payment = document.fields().object("payment");
        JsonFields payee = payment.object("payee");
        Money amount = payment.money("amount");
        body.put("СуммаОперации", amount.amount());
        body.put("Содержание", "Оплата поставщику " + payee.text("name") + " через агента: " + amount.plain() + " "
                + amount.currency() + ", " + payment.text("purpose") + " (" + payment.text("instructionId") + ")");
        return new OneCEntity(sets.supplierPayment(), body, marker);
    }

    private static final class Kept {
        int quantity;
        Money amount;
    }

    /** Per SKU, the units the buyers kept and what they paid for them (sales − returns). */
    private static Map<String, Kept> keptBySku(JsonFields report) {
        Map<String, Kept> bySku = new LinkedHashMap<>();
        report.optionalList("lines", (line, i) -> line).forEach(line -> {
            Kept kept = bySku.computeIfAbsent(line.text("sku"), s -> new Kept());
            Money amount = line.money("sales").minus(line.money("returns"));
            kept.quantity += line.positiveInt("quantity") - line.nonNegativeInt("returned");
            kept.amount = kept.amount == null ? amount : kept.amount.plus(amount);
        });
        return bySku;
    }

    private static void putKey(ObjectNode body, String field, String key) {
        if (key != null && !key.isBlank()) {
            body.put(field, key);
        }
    }

    /** 1C's OData dates are local date-times without a zone; a document dated on a day is dated at its last second. */
    private static String endOfDay(LocalDate date) {
        return date + "T23:59:59";
    }

    private static String startOfDay(LocalDate date) {
        return date + "T00:00:00";
    }
}
