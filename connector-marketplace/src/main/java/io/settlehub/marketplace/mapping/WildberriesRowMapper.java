package io.settlehub.marketplace.mapping;

import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.marketplace.partner.wildberries.ReportRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rows of the Wildberries detailed realization report → canonical events, by {@code supplier_oper_name}:
 * <ul>
 *   <li>"Продажа": {@code SALE} of the item ({@code srid}) at {@code retail_amount}, fees such that the marketplace net is
 *       exactly {@code ppvz_for_pay}: WB's reward with its VAT, acquiring, the pickup-point reward, and any rest;</li>
 *   <li>"Возврат": {@code RETURN} refunding {@code retail_amount}, WB giving back all but {@code ppvz_for_pay};</li>
 *   <li>logistics, storage, acceptance, deductions, penalties, transport reimbursement, pickup-point rewards: a
 *       {@code MARKETPLACE_CHARGE} of the client (positive costs the client); "сторно" rows and compensations,
 *       surcharges and reward corrections WB pays: negative charges.</li>
 * </ul>
 * Any other money field a row carries beside what its operation maps becomes a charge of its own kind, or an unmapped
 * record naming the field ({@link #withOtherFields}). An unknown operation, or a row without the amount its kind needs,
 * is returned unmapped with the row and field named.
 * The weekly payout of each report is built beside it by {@link WildberriesReportPayouts}.
 */
public final class WildberriesRowMapper {

    public static final String SOURCE = "wildberries";

    /** A charge kind, which row field carries its amount, and whether WB pays it (a negative charge). */
    private record ChargeRule(String kind, String field, Function<ReportRow, BigDecimal> amount, boolean paidByWb) {
    }

    private static final Map<String, ChargeRule> CHARGES = Map.ofEntries(
            charge("логистика", "logistics", "delivery_rub", ReportRow::deliveryRub, false),
            charge("логистика сторно", "logistics", "delivery_rub", ReportRow::deliveryRub, true),
            charge("коррекция логистики", "logistics correction", "delivery_rub", ReportRow::deliveryRub, false),
            charge("хранение", "storage", "storage_fee", ReportRow::storageFee, false),
            charge("коррекция хранения", "storage correction", "storage_fee", ReportRow::storageFee, false),
            charge("обработка товара", "acceptance", "acceptance", ReportRow::acceptance, false),
            charge("платная приемка", "acceptance", "acceptance", ReportRow::acceptance, false),
            charge("платная приёмка", "acceptance", "acceptance", ReportRow::acceptance, false),
            charge("удержание", "deduction", "deduction", ReportRow::deduction, false),
            charge("удержания", "deduction", "deduction", ReportRow::deduction, false),
            charge("штраф", "penalty", "penalty", ReportRow::penalty, false),
            charge("штрафы", "penalty", "penalty", ReportRow::penalty, false),
            charge("возмещение издержек по перевозке/по складским операциям с товаром", "transport reimbursement",
                    "rebill_logistic_cost", ReportRow::rebillLogisticCost, false),
            charge("возмещение издержек по перевозке", "transport reimbursement", "rebill_logistic_cost",
                    ReportRow::rebillLogisticCost, false),
            charge("возмещение за выдачу и возврат товаров на пвз", "pickup point reward", "ppvz_reward", ReportRow::ppvzReward, false),
            charge("компенсация скидки по программе лояльности", "loyalty discount compensation", "ppvz_for_pay",
                    ReportRow::forPay, true),
            charge("корректировка вознаграждения вб (вв)", "reward correction", "ppvz_for_pay", ReportRow::forPay, true),
            charge("компенсация за утерю товара", "compensation for lost goods", "ppvz_for_pay", ReportRow::forPay, true),
            charge("компенсация ущерба", "compensation for damage", "ppvz_for_pay", ReportRow::forPay, true),
            charge("компенсация подмененного товара", "compensation for substituted goods", "ppvz_for_pay", ReportRow::forPay, true),
            charge("добровольная компенсация при возврате", "voluntary compensation on return", "ppvz_for_pay", ReportRow::forPay, true),
            charge("доплаты", "surcharge", "additional_payment", ReportRow::additionalPayment, true));

    /**
     * A money field of a row, by the statistics API's name; the charge it makes when a row carries it beside what its
     * operation maps ({@code kind} null: no charge, an unmapped record).
     */
    private record MoneyField(String name, Function<ReportRow, BigDecimal> amount, String kind, boolean paidByWb) {
    }

    /** Every money field of a row: what the seller is paid, what WB keeps of it, and what WB charges or pays beside. */
    private static final List<MoneyField> MONEY_FIELDS = List.of(
            new MoneyField("retail_amount", ReportRow::retailAmount, null, false),
            new MoneyField("ppvz_for_pay", ReportRow::forPay, null, false),
            new MoneyField("ppvz_vw", ReportRow::vw, null, false),
            new MoneyField("ppvz_vw_nds", ReportRow::vwNds, null, false),
            new MoneyField("acquiring_fee", ReportRow::acquiringFee, null, false),
            new MoneyField("ppvz_reward", ReportRow::ppvzReward, "pickup point reward", false),
            new MoneyField("delivery_rub", ReportRow::deliveryRub, "logistics", false),
            new MoneyField("penalty", ReportRow::penalty, "penalty", false),
            new MoneyField("additional_payment", ReportRow::additionalPayment, "surcharge", true),
            new MoneyField("rebill_logistic_cost", ReportRow::rebillLogisticCost, "transport reimbursement", false),
            new MoneyField("storage_fee", ReportRow::storageFee, "storage", false),
            new MoneyField("deduction", ReportRow::deduction, "deduction", false),
            new MoneyField("acceptance", ReportRow::acceptance, "acceptance", false));

    /** What a sale or a return maps: the price, what WB pays for the goods and what it keeps of the price. */
    private static final Set<String> ORDER_FIELDS = Set.of("retail_amount", "ppvz_for_pay", "ppvz_vw", "ppvz_vw_nds", "acquiring_fee",
            "ppvz_reward");

    private static Map.Entry<String, ChargeRule> charge(String operation, String kind, String field,
                                                        Function<ReportRow, BigDecimal> amount, boolean paidByWb) {
        return Map.entry(operation, new ChargeRule(kind, field, amount, paidByWb));
    }

    private WildberriesRowMapper() {
    }

    public static String eventId(String clientId, ReportRow row) {
        return SOURCE + ":" + clientId + ":rrd:" + row.rrdId();
    }

    public static MappingResult map(String clientId, ReportRow row) {
        String operation = row.operation() == null ? "" : row.operation().trim().toLowerCase(Locale.ROOT);
        try {
            String currency = currency(row);
            if (operation.equals("продажа")) {
                return withOtherFields(clientId, row, currency, sale(clientId, row, currency), ORDER_FIELDS);
            }
            if (operation.equals("возврат")) {
                return withOtherFields(clientId, row, currency, returned(clientId, row, currency), ORDER_FIELDS);
            }
            ChargeRule rule = CHARGES.get(operation);
            if (rule == null) {
                return unmapped(clientId, row, "unknown Wildberries operation '" + row.operation() + "' (supplier_oper_name)");
            }
            BigDecimal amount = required(row, rule.field(), rule.amount().apply(row));
            MappingResult charged = MappingResult.of(List.of());
            if (amount.signum() != 0) {
                Money money = bookable(row, rule.field(), rule.paidByWb() ? amount.abs().negate() : amount, currency);
                charged = event(clientId, row, EventType.MARKETPLACE_CHARGE, rowDay(row), new MarketplaceCharge(rule.kind(), money, null));
            }
            return withOtherFields(clientId, row, currency, charged, Set.of(rule.field()));
        } catch (MissingField e) {
            return unmapped(clientId, row, e.getMessage());
        } catch (RuntimeException e) {
            return unmapped(clientId, row, "row rrd_id " + row.rrdId() + " cannot be mapped: " + e.getMessage());
        }
    }

    /**
     * The row's mapped event, and every other money field the row carries beside what its operation maps: a charge of
     * the field's own kind (a sale row of WB's documented example carries storage, penalty, deduction, acceptance and
     * transport costs beside the sale), or, for a field that is no charge or an amount the currency cannot hold, an
     * unmapped record naming the field. No amount of a row is left out silently.
     */
    private static MappingResult withOtherFields(String clientId, ReportRow row, String currency, MappingResult mapped,
                                                 Set<String> covered) {
        List<CanonicalEvent> events = new ArrayList<>(mapped.events());
        List<UnmappedRecord> unmapped = new ArrayList<>(mapped.unmapped());
        for (MoneyField field : MONEY_FIELDS) {
            BigDecimal amount = field.amount().apply(row);
            if (covered.contains(field.name()) || amount == null || amount.signum() == 0) {
                continue;
            }
            String what = "row rrd_id " + row.rrdId() + " (" + row.operation() + "): " + field.name() + " " + amount.toPlainString();
            if (field.kind() == null) {
                unmapped.add(UnmappedRecord.field(SOURCE, clientId, eventId(clientId, row), field.name(), amount,
                        what + " is not part of what this operation maps to", row.json()));
                continue;
            }
            Money charged;
            try {
                charged = new Money(field.paidByWb() ? amount.abs().negate() : amount, currency);
            } catch (IllegalArgumentException e) {
                unmapped.add(UnmappedRecord.field(SOURCE, clientId, eventId(clientId, row), field.name(), amount,
                        what + " cannot be booked: " + e.getMessage(), row.json()));
                continue;
            }
            // dated by the row's day; a sale row without one, by its sale
            Instant at = events.isEmpty() || row.rowDate() != null || row.reportDateTo() != null ? rowDay(row) : events.get(0).occurredAt();
            events.add(new CanonicalEvent(eventId(clientId, row) + ":" + field.name(), EventType.MARKETPLACE_CHARGE,
                    EventCodec.SCHEMA_VERSION, SOURCE, clientId, at, new MarketplaceCharge(field.kind(), charged, null)));
        }
        return new MappingResult(events, unmapped);
    }

    private static MappingResult sale(String clientId, ReportRow row, String currency) {
        int quantity = positiveQuantity(row);
        BigDecimal retailAmount = required(row, "retail_amount", row.retailAmount());
        BigDecimal forPay = required(row, "ppvz_for_pay", row.forPay());
        BigDecimal retailPrice = row.retailPrice() == null ? retailAmount : row.retailPrice();
        BigDecimal listed = retailPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal unitPrice = retailPrice;
        BigDecimal discount = listed.subtract(retailAmount);
        if (discount.signum() < 0) {
            unitPrice = retailAmount.divide(BigDecimal.valueOf(quantity), java.math.MathContext.DECIMAL64);
            discount = BigDecimal.ZERO;
            if (unitPrice.multiply(BigDecimal.valueOf(quantity)).compareTo(retailAmount) != 0 || unitPrice.scale() > 2) {
                throw new MissingField("row rrd_id " + row.rrdId() + ": retail_amount " + retailAmount.toPlainString()
                        + " is above retail_price × quantity and does not divide into " + quantity + " unit prices");
            }
        }
        List<Fee> fees = new ArrayList<>();
        BigDecimal reward = zeroIfNull(row.vw()).add(zeroIfNull(row.vwNds()));
        addFee(fees, "commission", reward, currency);
        addFee(fees, "acquiring", zeroIfNull(row.acquiringFee()), currency);
        addFee(fees, "pickup point reward", zeroIfNull(row.ppvzReward()), currency);
        BigDecimal named = reward.add(zeroIfNull(row.acquiringFee())).add(zeroIfNull(row.ppvzReward()));
        addFee(fees, "other", retailAmount.subtract(forPay).subtract(named), currency);
        String declaration = row.declarationNumber() == null || row.declarationNumber().isBlank() ? null : row.declarationNumber().trim();
        SaleLine line = new SaleLine(sku(row), quantity, new Money(unitPrice, currency), new Money(discount, currency), fees, declaration);
        Instant at = row.saleAt() != null ? row.saleAt() : rowDay(row);
        return event(clientId, row, EventType.SALE, at, new Sale(orderId(row), List.of(line)));
    }

    private static MappingResult returned(String clientId, ReportRow row, String currency) {
        int quantity = positiveQuantity(row);
        BigDecimal refund = required(row, "retail_amount", row.retailAmount()).abs();
        BigDecimal forPay = required(row, "ppvz_for_pay", row.forPay()).abs();
        Instant at = row.saleAt() != null ? row.saleAt() : rowDay(row);
        return event(clientId, row, EventType.RETURN, at, new Return(orderId(row), sku(row), quantity, new Money(refund, currency),
                new Money(refund.subtract(forPay), currency), Money.zero(currency)));
    }

    private static void addFee(List<Fee> fees, String kind, BigDecimal amount, String currency) {
        if (amount.signum() != 0) {
            fees.add(new Fee(kind, new Money(amount, currency)));
        }
    }

    private static MappingResult event(String clientId, ReportRow row, EventType type, Instant at, EventPayload payload) {
        return MappingResult.of(List.of(new CanonicalEvent(eventId(clientId, row), type, EventCodec.SCHEMA_VERSION, SOURCE, clientId,
                at, payload)));
    }

    private static MappingResult unmapped(String clientId, ReportRow row, String reason) {
        return MappingResult.unmapped(new UnmappedRecord(SOURCE, clientId, eventId(clientId, row), reason, row.json()));
    }

    /** WB names the currency in Russian ("руб") in the statistics API; ISO codes are taken as they are. */
    static String currency(ReportRow row) {
        String name = row.currency() == null ? "" : row.currency().trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "руб", "руб.", "rub", "рубль" -> "RUB";
            case "тенге", "kzt" -> "KZT";
            case "бел. руб", "бел.руб", "byn" -> "BYN";
            case "сум", "uzs" -> "UZS";
            case "драм", "amd" -> "AMD";
            case "сом", "kgs" -> "KGS";
            default -> throw new MissingField("row rrd_id " + row.rrdId() + ": unknown currency_name '" + row.currency() + "'");
        };
    }

    static String orderId(ReportRow row) {
        if (row.srid() == null || row.srid().isBlank()) {
            throw new MissingField("row rrd_id " + row.rrdId() + ": srid (the ordered item's id) is missing");
        }
        return row.srid();
    }

    private static String sku(ReportRow row) {
        if (row.sellerArticle() == null || row.sellerArticle().isBlank()) {
            throw new MissingField("row rrd_id " + row.rrdId() + ": sa_name (the seller's article) is missing");
        }
        return row.sellerArticle();
    }

    private static int positiveQuantity(ReportRow row) {
        if (row.quantity() <= 0) {
            throw new MissingField("row rrd_id " + row.rrdId() + ": quantity must be positive, was " + row.quantity());
        }
        return row.quantity();
    }

    private static BigDecimal required(ReportRow row, String field, BigDecimal value) {
        if (value == null) {
            throw new MissingField("row rrd_id " + row.rrdId() + " (" + row.operation() + "): " + field + " is missing");
        }
        return value;
    }

    private static Money bookable(ReportRow row, String field, BigDecimal amount, String currency) {
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new MissingField("row rrd_id " + row.rrdId() + " (" + row.operation() + "): " + field + " cannot be booked: " + e.getMessage());
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Instant rowDay(ReportRow row) {
        java.time.LocalDate day = row.rowDate() != null ? row.rowDate() : row.reportDateTo();
        if (day == null) {
            throw new MissingField("row rrd_id " + row.rrdId() + ": rr_dt (the row's date) is missing");
        }
        return day.atStartOfDay(BusinessCalendar.ZONE).toInstant();
    }

    /** A row that lacks what its kind needs: the message names the row and the field. */
    private static final class MissingField extends RuntimeException {
        MissingField(String message) {
            super(message);
        }
    }
}
