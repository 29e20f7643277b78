package io.settlehub.marketplace.mapping;

import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.contract.Allocation;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.marketplace.config.OzonProperties.Account;
import io.settlehub.marketplace.partner.ozon.Accrual;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ozon accruals → canonical events. Delivery to the buyer is a {@code SALE}, a buyer's return a {@code RETURN}
 * per returned article, service charges and compensations a {@code MARKETPLACE_CHARGE}; anything else is kept as
 * an unmapped record. Event ids derive from Ozon's accrual id, so re-polling yields the same ids.
 */
public final class OzonAccrualMapper {

    public static final String SOURCE = "ozon";
    static final String SALE = "OperationAgentDeliveredToCustomer";
    static final String BUYER_RETURN = "ClientReturnAgentOperation";
    static final Set<String> CHARGE_CATEGORIES = Set.of("services", "compensation");
    private static final DateTimeFormatter OZON_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OzonAccrualMapper() {
    }

    public static MappingResult map(Account account, String typeName, Accrual accrual) {
        String id = "ozon:" + account.clientId() + ":accrual:" + accrual.accrualId();
        try {
            if (accrual.accrualId() == null || accrual.accrualId().isBlank()) {
                return unmapped(account, accrual, "accrual without accrual_id");
            }
            Instant at = instant(accrual.accrualDate());
            String currency = accrual.currencyCode() == null ? "RUB" : accrual.currencyCode();
            BigDecimal parts = money(accrual.accrualsForSale(), currency).add(money(accrual.saleCommission(), currency));
            for (Accrual.ContainerFee fee : accrual.containerFees()) {
                parts = parts.add(money(fee.price(), currency));
            }
            if (SALE.equals(typeName)) {
                return accounted(account, accrual, sale(account, id, at, currency, accrual), parts);
            }
            if (BUYER_RETURN.equals(typeName)) {
                BigDecimal credited = money(accrual.accrualsForSale(), currency).max(BigDecimal.ZERO);
                MappingResult returned = returns(account, id, at, currency, accrual);
                if (credited.signum() > 0 && !returned.events().isEmpty()) {
                    returned = withField(returned, account, accrual, "accruals_for_sale", credited, "a return whose accruals_for_sale "
                            + credited.toPlainString() + " is a credit to the seller: a return refunds the buyer, so that amount is left to an operator");
                }
                return accounted(account, accrual, returned, parts.subtract(credited));
            }
            if (accrual.accruedCategory() != null && CHARGE_CATEGORIES.contains(accrual.accruedCategory())) {
                BigDecimal charge = money(accrual.amount(), currency).negate();
                MappingResult charged = MappingResult.of(List.of());
                if (charge.signum() != 0) {
                    charged = MappingResult.of(List.of(event(id, EventType.MARKETPLACE_CHARGE, account, at,
                            new MarketplaceCharge(typeName == null ? "ozon type " + accrual.typeId() : typeName,
                                    new Money(charge, currency), blankToNull(accrual.postingNumber())))));
                }
                // the charge books the total; a breakdown that adds up to something else is shown, not trusted
                BigDecimal amount = money(accrual.amount(), currency);
                if (parts.signum() != 0 && parts.compareTo(amount) != 0) {
                    charged = withField(charged, account, accrual, "container_fees", parts.subtract(amount), "the parts of the accrual"
                            + " (accruals_for_sale, sale_commission, container_fees) add up to " + parts.toPlainString() + ", its amount is "
                            + amount.toPlainString() + ": the charge books the amount, the difference is left to an operator");
                }
                return charged;
            }
            return unmapped(account, accrual, "unknown Ozon accrual type " + (typeName == null ? "id " + accrual.typeId() : typeName)
                    + " (category " + accrual.accruedCategory() + ")");
        } catch (RuntimeException e) {
            return unmapped(account, accrual, "cannot map: " + e.getMessage());
        }
    }

    /**
     * A sale's or return's events carry {@code carried} (its parts: what the buyer paid, the commission, the services);
     * when the accrual's total {@code amount} says otherwise than that and the fields already left unmapped, the
     * difference goes to an unmapped record of field {@code amount}.
     */
    private static MappingResult accounted(Account account, Accrual accrual, MappingResult mapped, BigDecimal carried) {
        if (mapped.events().isEmpty() || accrual.amount() == null) {
            return mapped;
        }
        BigDecimal amount = money(accrual.amount(), accrual.currencyCode() == null ? "RUB" : accrual.currencyCode());
        BigDecimal left = mapped.unmapped().stream().filter(u -> u.field() != null).map(u -> new BigDecimal(u.amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.compareTo(carried.add(left)) == 0) {
            return mapped;
        }
        return withField(mapped, account, accrual, "amount", amount.subtract(carried).subtract(left), "the accrual's amount "
                + amount.toPlainString() + " differs from what its events carry (" + carried.toPlainString() + ")"
                + (left.signum() == 0 ? "" : " and what is left to an operator already (" + left.toPlainString() + ")")
                + ": the difference is left to an operator");
    }

    private static MappingResult withField(MappingResult mapped, Account account, Accrual accrual, String field, BigDecimal amount,
                                           String reason) {
        List<UnmappedRecord> unmapped = new ArrayList<>(mapped.unmapped());
        unmapped.add(UnmappedRecord.field(SOURCE, account.clientId(), "ozon:" + account.clientId() + ":accrual:" + accrual.accrualId(),
                field, amount, "accrual " + accrual.accrualId() + ": " + reason, PartnerJson.write(accrual)));
        return new MappingResult(mapped.events(), unmapped);
    }

    /** The articles of an accrual with their units; amounts of the accrual are split over them by units. */
    private record Articles(List<String> names, List<Integer> units, String currency) {

        static Articles of(Account account, Accrual accrual, String currency) {
            Map<String, Integer> units = unitsByArticle(account, accrual);
            return new Articles(List.copyOf(units.keySet()), List.copyOf(units.values()), currency);
        }

        List<BigDecimal> split(BigDecimal amount) {
            return Allocation.largestRemainder(money(amount, currency), currency,
                    units.stream().map(BigDecimal::valueOf).toList());
        }
    }

    private static MappingResult sale(Account account, String id, Instant at, String currency, Accrual accrual) {
        Articles articles = Articles.of(account, accrual, currency);
        if (articles.names().isEmpty() || accrual.postingNumber() == null) {
            return unmapped(account, accrual, "a sale needs items and a posting_number");
        }
        List<BigDecimal> gross = articles.split(accrual.accrualsForSale());
        Map<String, List<BigDecimal>> fees = new LinkedHashMap<>();
        if (accrual.saleCommission() != null) {
            fees.put("sale_commission", articles.split(money(accrual.saleCommission(), currency).negate()));
        }
        for (Accrual.ContainerFee fee : accrual.containerFees()) {
            fees.merge(fee.name(), articles.split(money(fee.price(), currency).negate()), OzonAccrualMapper::addAll);
        }
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < articles.names().size(); i++) {
            int quantity = articles.units().get(i);
            BigDecimal unitPrice = gross.get(i).divide(BigDecimal.valueOf(quantity), 2, RoundingMode.CEILING);
            BigDecimal discount = unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(gross.get(i));
            List<Fee> lineFees = new ArrayList<>();
            for (Map.Entry<String, List<BigDecimal>> fee : fees.entrySet()) {
                BigDecimal share = fee.getValue().get(i);
                if (share.signum() != 0) {
                    lineFees.add(new Fee(fee.getKey(), new Money(share, currency)));
                }
            }
            lines.add(new SaleLine(articles.names().get(i), quantity, new Money(unitPrice, currency), new Money(discount, currency), lineFees));
        }
        return MappingResult.of(List.of(event(id, EventType.SALE, account, at, new Sale(accrual.postingNumber(), lines))));
    }

    private static MappingResult returns(Account account, String id, Instant at, String currency, Accrual accrual) {
        Articles articles = Articles.of(account, accrual, currency);
        if (articles.names().isEmpty() || accrual.postingNumber() == null) {
            return unmapped(account, accrual, "a return needs items and a posting_number");
        }
        List<BigDecimal> refunds = articles.split(money(accrual.accrualsForSale(), currency).negate().max(BigDecimal.ZERO));
        BigDecimal reversed = accrual.saleCommission() == null ? BigDecimal.ZERO : money(accrual.saleCommission(), currency);
        BigDecimal logistics = BigDecimal.ZERO;
        for (Accrual.ContainerFee fee : accrual.containerFees()) {
            BigDecimal price = money(fee.price(), currency);
            if (price.signum() < 0) {
                logistics = logistics.add(price.negate());
            } else {
                reversed = reversed.add(price);
            }
        }
        List<BigDecimal> reversedShares = articles.split(reversed);
        List<BigDecimal> logisticsShares = articles.split(logistics);
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < articles.names().size(); i++) {
            String article = articles.names().get(i);
            events.add(event(id + ":" + article, EventType.RETURN, account, at, new Return(accrual.postingNumber(),
                    article, articles.units().get(i), new Money(refunds.get(i), currency),
                    new Money(reversedShares.get(i), currency), new Money(logisticsShares.get(i), currency))));
        }
        return MappingResult.of(events);
    }

    /** +1 for an accrual that sells units, -1 for one that takes them back, 0 otherwise. */
    public static int unitSign(String typeName) {
        return SALE.equals(typeName) ? 1 : BUYER_RETURN.equals(typeName) ? -1 : 0;
    }

    /** Units of goods in an accrual by the seller's article (offer_id, else the account's sku-map, else Ozon's SKU). */
    public static Map<String, Integer> unitsByArticle(Account account, Accrual accrual) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (Accrual.Item item : accrual.items()) {
            String article = item.offerId() != null && !item.offerId().isBlank() ? item.offerId()
                    : item.sku() == null ? null : account.skuMap().getOrDefault(String.valueOf(item.sku()), String.valueOf(item.sku()));
            if (article == null) {
                throw new IllegalArgumentException("an item has neither offer_id nor sku");
            }
            units.merge(article, 1, Integer::sum);
        }
        return units;
    }

    private static List<BigDecimal> addAll(List<BigDecimal> a, List<BigDecimal> b) {
        List<BigDecimal> sum = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i).add(b.get(i)));
        }
        return sum;
    }

    /** Ozon sends amounts as JSON numbers; they are read as decimals (never doubles) and must fit the currency. */
    private static BigDecimal money(BigDecimal amount, String currency) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : new Money(amount, currency).amount();
    }

    static Instant instant(String text) {
        if (text == null) {
            throw new IllegalArgumentException("accrual_date is missing");
        }
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDateTime.parse(text, OZON_LOCAL).atZone(BusinessCalendar.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("accrual_date '" + text + "' is neither ISO-8601 nor 'yyyy-MM-dd HH:mm:ss'");
        }
    }

    private static CanonicalEvent event(String id, EventType type, Account account, Instant at,
                                        io.settlehub.contract.EventPayload payload) {
        return new CanonicalEvent(id, type, EventCodec.SCHEMA_VERSION, SOURCE, account.clientId(), at, payload);
    }

    private static MappingResult unmapped(Account account, Accrual accrual, String reason) {
        return MappingResult.unmapped(new UnmappedRecord(SOURCE, account.clientId(),
                "ozon:" + account.clientId() + ":accrual:" + accrual.accrualId(), reason, PartnerJson.write(accrual)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
