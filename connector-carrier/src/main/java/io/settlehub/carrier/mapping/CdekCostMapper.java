package io.settlehub.carrier.mapping;

import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.carrier.config.CdekProperties.Account;
import io.settlehub.carrier.partner.cdek.CdekOrder;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.ShipmentCost;
import io.settlehub.contract.EventPayload.SkuQuantity;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CDEK order cost, once its cost is final (delivered, or not delivered and back), as the event it is for the
 * client's settlement:
 * <ul>
 *   <li>a delivery of goods to a marketplace warehouse — its number names the goods receipt — is a {@code SHIPMENT_COST}
 *       of that receipt, allocated over the SKUs by the units in its packages; a later, different total is a new
 *       {@code revision} that replaces it;</li>
 *   <li>a return (CDEK's return, reverse or client-return order) — its number names the marketplace order — is a
 *       {@code MARKETPLACE_CHARGE} "return logistics" of that order; a later, different total is a correcting charge
 *       of the difference.</li>
 * </ul>
 * {@code alreadyPublished} is the total published for the order so far (null: nothing yet).
 */
public final class CdekCostMapper {

    public static final String SOURCE = "cdek";
    public static final Set<String> FINAL = Set.of("DELIVERED", "NOT_DELIVERED");
    private static final DateTimeFormatter CDEK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private CdekCostMapper() {
    }

    public static boolean costFinal(CdekOrder order) {
        return order.entity().statuses() != null && order.entity().statuses().stream().anyMatch(s -> FINAL.contains(s.code()))
                && order.entity().deliveryDetail() != null && order.entity().deliveryDetail().totalSum() != null;
    }

    public static MappingResult map(Account account, CdekOrder order, BigDecimal alreadyPublished, int revision) {
        CdekOrder.Entity entity = order.entity();
        String base = SOURCE + ":" + account.clientId() + ":" + entity.cdekNumber();
        try {
            BigDecimal total = entity.deliveryDetail().totalSum();
            if (alreadyPublished != null && alreadyPublished.compareTo(total) == 0) {
                return MappingResult.of(List.of());
            }
            Instant at = finalAt(entity);
            boolean isReturn = entity.isReturn() || entity.isReverse() || entity.isClientReturn();
            if (isReturn) {
                String orderId = group(account.returnPattern(), entity.number(), "order");
                if (orderId == null) {
                    return unmapped(account, order, base, "return order " + entity.cdekNumber() + ": its number '" + entity.number()
                            + "' does not match the return pattern " + account.returnPattern() + " (group 'order')");
                }
                BigDecimal charge = alreadyPublished == null ? total : total.subtract(alreadyPublished);
                return MappingResult.of(List.of(new CanonicalEvent(base + ":return-cost:r" + revision, EventType.MARKETPLACE_CHARGE,
                        EventCodec.SCHEMA_VERSION, SOURCE, account.clientId(), at,
                        new MarketplaceCharge("return logistics", new Money(charge, "RUB"), orderId))));
            }
            String receiptId = group(account.receiptPattern(), entity.number(), "receipt");
            if (receiptId == null) {
                return unmapped(account, order, base, "order " + entity.cdekNumber() + ": its number '" + entity.number()
                        + "' does not match the receipt pattern " + account.receiptPattern() + " (group 'receipt')");
            }
            Map<String, Integer> units = new LinkedHashMap<>();
            for (CdekOrder.Package pack : entity.packages() == null ? List.<CdekOrder.Package>of() : entity.packages()) {
                for (CdekOrder.Item item : pack.items() == null ? List.<CdekOrder.Item>of() : pack.items()) {
                    if (item.wareKey() == null || item.wareKey().isBlank() || item.amount() <= 0) {
                        return unmapped(account, order, base, "order " + entity.cdekNumber() + ": package " + pack.number()
                                + " has an item without ware_key (the SKU) or units");
                    }
                    units.merge(item.wareKey(), item.amount(), Integer::sum);
                }
            }
            if (units.isEmpty()) {
                return unmapped(account, order, base, "order " + entity.cdekNumber() + " has no items to allocate its cost over");
            }
            List<SkuQuantity> lines = new ArrayList<>();
            units.forEach((sku, quantity) -> lines.add(new SkuQuantity(sku, quantity)));
            return MappingResult.of(List.of(new CanonicalEvent(base + ":cost:r" + revision, EventType.SHIPMENT_COST, EventCodec.SCHEMA_VERSION,
                    SOURCE, account.clientId(), at, new ShipmentCost("cdek-" + entity.cdekNumber(), receiptId, "cdek",
                    new Money(total, "RUB"), lines, revision))));
        } catch (RuntimeException e) {
            return unmapped(account, order, base, "order " + entity.cdekNumber() + " cannot be mapped: " + e.getMessage());
        }
    }

    private static Instant finalAt(CdekOrder.Entity entity) {
        return entity.statuses().stream().filter(s -> FINAL.contains(s.code())).map(s -> instant(s.dateTime()))
                .max(Instant::compareTo).orElseThrow();
    }

    /** CDEK writes "2026-11-14T12:40:00+0300"; ISO "+03:00" is taken too. */
    public static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, CDEK_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static String group(String pattern, String number, String group) {
        if (pattern == null || number == null) {
            return null;
        }
        Matcher matcher = Pattern.compile(pattern).matcher(number);
        return matcher.matches() ? matcher.group(group) : null;
    }

    private static MappingResult unmapped(Account account, CdekOrder order, String id, String reason) {
        return MappingResult.unmapped(new UnmappedRecord(SOURCE, account.clientId(), id, reason, PartnerJson.write(order)));
    }
}
