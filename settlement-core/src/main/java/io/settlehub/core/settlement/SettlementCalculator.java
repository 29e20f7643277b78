package io.settlehub.core.settlement;

import io.settlehub.contract.Allocation;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.*;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.core.settlement.ClientSettlement.Charge;
import io.settlehub.core.settlement.ClientSettlement.ReceivedPayout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.*;

/**
 * A client's settlement as a deterministic function of the client's facts (docs/design.md, "Settlement").
 * Facts are taken in business order (occurredAt, then eventId), never in arrival order, so any permutation
 * of the same facts gives the same result. A fact that cannot apply yet is reported as parked and contributes
 * nothing; it applies as soon as what it waits for is among the facts.
 */
public final class SettlementCalculator {

    static final Comparator<CanonicalEvent> BUSINESS_ORDER =
            Comparator.comparing(CanonicalEvent::occurredAt).thenComparing(CanonicalEvent::eventId);

    private SettlementCalculator() {
    }

    public static ClientSettlement settle(Agreement agreement, Collection<CanonicalEvent> facts, ReferenceData reference) {
        return settle(AgreementTerms.always(agreement), facts, reference);
    }

    /** Each sale on the agreement version in force on its business date. */
    public static ClientSettlement settle(AgreementTerms terms, Collection<CanonicalEvent> facts, ReferenceData reference) {
        return derive(terms, facts, reference).settlement();
    }

    /** The settlement of all the client's facts, with the checkpoint that lets later facts continue from it. */
    public static Derivation derive(AgreementTerms terms, Collection<CanonicalEvent> facts, ReferenceData reference) {
        return new Run(terms, facts, reference, null).settle();
    }

    /**
     * Continues a derivation from its checkpoint (its lots stand for the client's receipts, customs and shipments):
     * {@code facts} are every fact naming one of the orders to rebuild, and the batch's new facts; every sale, price
     * adjustment or return among them up to the checkpoint's frontier is replayed with the lot units it took then, the
     * later ones take from the stock the checkpoint left. The orders rebuilt get exactly the figures a full derivation
     * would give them, provided the new facts keep the conditions of {@link Resumption#accepts}.
     */
    public static Derivation resume(AgreementTerms terms, Collection<CanonicalEvent> facts, ReferenceData reference,
                                    Resumption from) {
        return new Run(terms, facts, reference, from).settle();
    }

    /** One order line being worked on: what was sold, its adjustments and returns, and the lot units it holds. */
    private static final class WorkingLine {
        final SaleLine sale;
        final java.time.LocalDate saleDate;
        BigDecimal adjustments = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        final BigDecimal saleFees;
        BigDecimal feesReversed = BigDecimal.ZERO;
        BigDecimal returnLogistics = BigDecimal.ZERO;
        BigDecimal orderCharges = BigDecimal.ZERO;
        int returned;
        List<LotBook.Portion> portions;
        final List<String> eventIds = new ArrayList<>();

        WorkingLine(SaleLine sale, java.time.LocalDate saleDate, List<LotBook.Portion> portions) {
            this.sale = sale;
            this.saleDate = saleDate;
            this.portions = portions;
            this.saleFees = sale.marketplaceFees().stream().map(f -> f.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Everything the marketplace keeps of this line: fees at sale, less those reversed, plus return logistics and late charges. */
        BigDecimal fees() {
            return saleFees.subtract(feesReversed).add(returnLogistics).add(orderCharges);
        }
    }

    private static final class WorkingOrder {
        final String orderId;
        final String source;
        final String currency;
        final java.time.Instant soldAt;
        final List<WorkingLine> lines = new ArrayList<>();
        BigDecimal holdsPlaced = BigDecimal.ZERO;
        BigDecimal holdReductions = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        java.time.Instant expectedRelease;
        final List<String> eventIds = new ArrayList<>();

        WorkingOrder(String orderId, String source, String currency, java.time.Instant soldAt) {
            this.orderId = orderId;
            this.source = source;
            this.currency = currency;
            this.soldAt = soldAt;
        }
    }

    private static final class Run {
        private final AgreementTerms terms;
        private final ReferenceData reference;
        private final Map<EventType, List<CanonicalEvent>> byType = new EnumMap<>(EventType.class);
        private final Map<String, WorkingOrder> orders = new LinkedHashMap<>();
        private final List<Parked> parked = new ArrayList<>();
        private final List<Charge> charges = new ArrayList<>();
        private final List<ReceivedPayout> payouts = new ArrayList<>();
        private LotBook lots;

        /** Null for a full derivation. */
        private final Resumption resumed;
        private final Map<String, Map<String, List<List<PortionRef>>>> taken = new TreeMap<>();
        private final Set<String> stillParked = new TreeSet<>();
        private final Set<String> ratePairs = new TreeSet<>();
        private BusinessKey frontier;

        Run(AgreementTerms terms, Collection<CanonicalEvent> facts, ReferenceData reference, Resumption resumed) {
            this.resumed = resumed;
            this.frontier = resumed == null ? null : resumed.checkpoint().frontier();
            this.terms = terms;
            this.reference = reference;
            for (CanonicalEvent fact : facts) {
                byType.computeIfAbsent(fact.type(), t -> new ArrayList<>()).add(fact);
            }
            byType.values().forEach(list -> list.sort(BUSINESS_ORDER));
        }

        private List<CanonicalEvent> facts(EventType... types) {
            List<CanonicalEvent> all = new ArrayList<>();
            for (EventType type : types) {
                all.addAll(byType.getOrDefault(type, List.of()));
            }
            all.sort(BUSINESS_ORDER);
            return all;
        }

        private void park(CanonicalEvent event, String reason) {
            parked.add(new Parked(event.eventId(), event.clientId(), event.type(), reason));
        }

        Derivation settle() {
            lots = resumed != null ? LotBook.restored(resumed.checkpoint().lots(), resumed.checkpoint().declarations())
                    : new LotBook(facts(EventType.GOODS_RECEIVED), facts(EventType.CUSTOMS_ASSESSED), facts(EventType.SHIPMENT_COST),
                            terms.latest().customsVatIsCost(), parked::add);
            for (CanonicalEvent event : facts(EventType.SALE, EventType.PRICE_ADJUSTED, EventType.RETURN)) {
                BusinessKey key = BusinessKey.of(event);
                if (frontier == null || key.compareTo(frontier) > 0) {
                    frontier = key;
                }
                if (event.payload() instanceof Sale sale) {
                    applySale(event, sale);
                } else if (event.payload() instanceof PriceAdjusted adjustment) {
                    applyAdjustment(event, adjustment);
                } else {
                    applyReturn(event, (Return) event.payload());
                }
            }
            for (CanonicalEvent event : facts(EventType.HOLD_PLACED, EventType.HOLD_RELEASED)) {
                applyHold(event);
            }
            for (CanonicalEvent event : facts(EventType.MARKETPLACE_CHARGE)) {
                applyCharge(event, (MarketplaceCharge) event.payload());
            }
            applyPayouts(facts(EventType.MARKETPLACE_PAYOUT));
            List<OrderSettlement> settled = new ArrayList<>();
            for (WorkingOrder order : orders.values()) {
                settled.add(settleOrder(order));
            }
            ClientSettlement settlement = new ClientSettlement(terms.latest().clientId(), settled, charges, payouts, parked,
                    CustomsCheck.of(facts(EventType.CUSTOMS_ASSESSED), reference),
                    BankReconciliation.of(facts(EventType.MARKETPLACE_PAYOUT), facts(EventType.BANK_CREDIT)));
            boolean unlisted = (resumed != null && resumed.checkpoint().unlistedPayouts())
                    || facts(EventType.MARKETPLACE_PAYOUT).stream().anyMatch(e -> ((MarketplacePayout) e.payload()).orders().isEmpty());
            return new Derivation(settlement, taken, new Checkpoint(frontier, lots.stored(), lots.declarations(), unlisted,
                    resumed == null ? null : resumed.checkpoint().referenceVersion()), stillParked, ratePairs);
        }

        /** A sale, adjustment or return the checkpoint already counts: replayed without touching the stock. */
        private boolean replaying(CanonicalEvent event) {
            return resumed != null && resumed.checkpoint().frontier() != null
                    && BusinessKey.of(event).compareTo(resumed.checkpoint().frontier()) <= 0;
        }

        /** Whether the order exists: rebuilt in this run, or (resuming) known to the checkpoint. */
        private String currencyOfOrder(String orderId) {
            WorkingOrder order = orders.get(orderId);
            if (order != null) {
                return order.currency;
            }
            return resumed == null ? null : resumed.otherOrders().get(orderId);
        }

        private void applySale(CanonicalEvent event, Sale sale) {
            String currency = sale.lines().get(0).unitPrice().currency();
            WorkingOrder existing = orders.get(sale.orderId());
            if (existing != null && !existing.currency.equals(currency)) {
                park(event, "order " + sale.orderId() + " is already known in " + existing.currency);
                return;
            }
            java.time.LocalDate saleDate = event.businessDate();
            if (replaying(event)) {
                replaySale(event, sale, currency, saleDate);
                return;
            }
            Map<String, Integer> needed = new TreeMap<>();
            sale.lines().forEach(l -> needed.merge(l.sku(), l.quantity(), Integer::sum));
            for (Map.Entry<String, Integer> need : needed.entrySet()) {
                int onHand = lots.available(need.getKey());
                if (onHand < need.getValue()) {
                    park(event, "waiting for goods received of SKU " + need.getKey() + ": " + need.getValue()
                            + " sold, " + onHand + " in stock");
                    return;
                }
            }
            if (terms.at(saleDate).commissionVatRate() == null && reference.standardVatRate(saleDate).isEmpty()) {
                park(event, "no standard VAT rate for " + saleDate);
                return;
            }
            List<WorkingLine> lines = new ArrayList<>();
            for (SaleLine line : sale.lines()) {
                WorkingLine working = new WorkingLine(line, saleDate, lots.take(line.sku(), line.quantity(), line.customsDeclaration()));
                working.eventIds.add(event.eventId());
                lines.add(working);
            }
            String missing = missingCost(lines, currency);
            if (missing != null) {
                lines.forEach(l -> LotBook.giveBack(l.portions, l.sale.quantity()));
                park(event, missing);
                return;
            }
            addLines(event, sale, currency, lines);
        }

        private void replaySale(CanonicalEvent event, Sale sale, String currency, java.time.LocalDate saleDate) {
            List<List<PortionRef>> took = resumed.takes().getOrDefault(sale.orderId(), Map.of()).get(event.eventId());
            if (took == null) {
                stillParked.add(event.eventId());
                return;
            }
            List<WorkingLine> lines = new ArrayList<>();
            for (int i = 0; i < sale.lines().size(); i++) {
                List<LotBook.Portion> portions = new ArrayList<>();
                for (PortionRef ref : took.get(i)) {
                    LotBook.Lot lot = lots.lot(ref.lotId());
                    if (lot == null) {
                        throw new IllegalStateException("checkpoint names unknown lot " + ref.lotId());
                    }
                    portions.add(new LotBook.Portion(lot, ref.quantity()));
                }
                WorkingLine working = new WorkingLine(sale.lines().get(i), saleDate, portions);
                working.eventIds.add(event.eventId());
                lines.add(working);
            }
            addLines(event, sale, currency, lines);
        }

        private void addLines(CanonicalEvent event, Sale sale, String currency, List<WorkingLine> lines) {
            WorkingOrder order = orders.computeIfAbsent(sale.orderId(), id -> new WorkingOrder(id, event.source(), currency,
                    event.occurredAt()));
            order.lines.addAll(lines);
            order.eventIds.add(event.eventId());
            taken.computeIfAbsent(sale.orderId(), id -> new TreeMap<>()).put(event.eventId(),
                    lines.stream().map(l -> l.portions.stream().map(p -> new PortionRef(p.lot().id, p.quantity())).toList()).toList());
        }

        private String missingCost(List<WorkingLine> lines, String currency) {
            for (WorkingLine line : lines) {
                for (LotBook.Portion portion : line.portions) {
                    String goodsCurrency = portion.lot().unitGoodsCost.currency();
                    if (rate(goodsCurrency, currency, line.saleDate).isEmpty()) {
                        return "no " + goodsCurrency + "/" + currency + " rate from " + terms.at(line.saleDate).fxRateSource()
                                + " on or before " + line.saleDate;
                    }
                    String costCurrency = portion.lot().costCurrency;
                    if (costCurrency != null && !costCurrency.equals(currency)) {
                        return "customs/logistics of receipt " + portion.lot().receiptId + " are in " + costCurrency
                                + ", the sale in " + currency;
                    }
                }
            }
            return null;
        }

        private Optional<BigDecimal> rate(String base, String quote, java.time.LocalDate date) {
            if (!base.equals(quote)) {
                ratePairs.add(Derivation.pair(base, quote));
            }
            return reference.fxRate(terms.at(date).fxRateSource(), base, quote, date);
        }

        private WorkingLine lineOf(CanonicalEvent event, String orderId, String sku, int quantityNeeded) {
            WorkingOrder order = orders.get(orderId);
            if (order == null) {
                park(event, "waiting for order " + orderId);
                return null;
            }
            for (WorkingLine line : order.lines) {
                if (line.sale.sku().equals(sku) && line.sale.quantity() - line.returned >= quantityNeeded) {
                    return line;
                }
            }
            park(event, "order " + orderId + " has no line of SKU " + sku
                    + (quantityNeeded > 0 ? " with " + quantityNeeded + " units left to return" : ""));
            return null;
        }

        private void applyAdjustment(CanonicalEvent event, PriceAdjusted adjustment) {
            WorkingLine line = lineOf(event, adjustment.orderId(), adjustment.sku(), 0);
            if (line != null) {
                if (!adjustment.delta().currency().equals(line.sale.unitPrice().currency())) {
                    park(event, "delta currency " + adjustment.delta().currency() + " differs from the order's");
                    return;
                }
                line.adjustments = line.adjustments.add(adjustment.delta().amount());
                line.eventIds.add(event.eventId());
                orders.get(adjustment.orderId()).eventIds.add(event.eventId());
            }
        }

        private void applyReturn(CanonicalEvent event, Return ret) {
            WorkingLine line = lineOf(event, ret.orderId(), ret.sku(), ret.quantity());
            if (line == null) {
                return;
            }
            line.returned += ret.quantity();
            line.eventIds.add(event.eventId());
            line.refunds = line.refunds.add(ret.refund().amount());
            line.feesReversed = line.feesReversed.add(ret.marketplaceFeesReversed().amount());
            line.returnLogistics = line.returnLogistics.add(ret.returnLogisticsCost().amount());
            line.portions = LotBook.giveBack(line.portions, ret.quantity(), !replaying(event));
            WorkingOrder order = orders.get(ret.orderId());
            order.eventIds.add(event.eventId());
            order.holdReductions = order.holdReductions.add(ret.refund().amount().subtract(ret.marketplaceFeesReversed().amount()));
        }

        private void applyHold(CanonicalEvent event) {
            boolean placed = event.payload() instanceof HoldPlaced;
            String orderId = placed ? ((HoldPlaced) event.payload()).orderId() : ((HoldReleased) event.payload()).orderId();
            Money amount = placed ? ((HoldPlaced) event.payload()).amount() : ((HoldReleased) event.payload()).amount();
            WorkingOrder order = orders.get(orderId);
            if (order == null) {
                park(event, "waiting for order " + orderId);
            } else if (!amount.currency().equals(order.currency)) {
                park(event, "hold currency " + amount.currency() + " differs from order currency " + order.currency);
            } else {
                order.holdsPlaced = order.holdsPlaced.add(placed ? amount.amount() : amount.amount().negate());
                java.time.Instant release = placed ? ((HoldPlaced) event.payload()).expectedReleaseAt() : null;
                if (release != null && (order.expectedRelease == null || release.isAfter(order.expectedRelease))) {
                    order.expectedRelease = release;
                }
                order.eventIds.add(event.eventId());
            }
        }

        private void applyCharge(CanonicalEvent event, MarketplaceCharge charge) {
            if (charge.orderId() == null) {
                charges.add(new Charge(event.eventId(), event.source(), charge.kind(), charge.amount()));
                return;
            }
            WorkingOrder order = orders.get(charge.orderId());
            if (order == null) {
                park(event, "waiting for order " + charge.orderId());
                return;
            }
            if (!charge.amount().currency().equals(order.currency)) {
                park(event, "charge currency " + charge.amount().currency() + " differs from order currency " + order.currency);
                return;
            }
            List<BigDecimal> weights = order.lines.stream().map(l -> BigDecimal.valueOf(l.sale.quantity())).toList();
            List<BigDecimal> shares = Allocation.largestRemainder(charge.amount().amount(), order.currency, weights);
            for (int i = 0; i < shares.size(); i++) {
                order.lines.get(i).orderCharges = order.lines.get(i).orderCharges.add(shares.get(i));
                order.lines.get(i).eventIds.add(event.eventId());
            }
            order.eventIds.add(event.eventId());
        }

        private void applyPayouts(List<CanonicalEvent> events) {
            List<CanonicalEvent> unlisted = new ArrayList<>();
            Map<CanonicalEvent, BigDecimal> listedTotals = new HashMap<>();
            for (CanonicalEvent event : events) {
                MarketplacePayout payout = (MarketplacePayout) event.payload();
                if (payout.orders().isEmpty()) {
                    unlisted.add(event);
                    continue;
                }
                Optional<String> unknown = payout.orders().stream().map(PayoutOrder::orderId)
                        .filter(id -> currencyOfOrder(id) == null).findFirst();
                if (unknown.isPresent()) {
                    park(event, "waiting for order " + unknown.get());
                    continue;
                }
                Optional<PayoutOrder> foreign = payout.orders().stream()
                        .filter(part -> !part.amount().currency().equals(currencyOfOrder(part.orderId()))).findFirst();
                if (foreign.isPresent()) {
                    park(event, "payout for order " + foreign.get().orderId() + " is in " + foreign.get().amount().currency()
                            + ", the order in " + currencyOfOrder(foreign.get().orderId()));
                    continue;
                }
                BigDecimal listed = BigDecimal.ZERO;
                for (PayoutOrder part : payout.orders()) {
                    WorkingOrder order = orders.get(part.orderId());
                    if (order != null) {
                        order.paid = order.paid.add(part.amount().amount());
                        order.eventIds.add(event.eventId());
                    }
                    listed = listed.add(part.amount().amount());
                }
                listedTotals.put(event, listed);
            }
            for (CanonicalEvent event : events) {
                if (listedTotals.containsKey(event)) {
                    MarketplacePayout payout = (MarketplacePayout) event.payload();
                    payouts.add(new ReceivedPayout(payout.payoutId(), event.source(), payout.amount(),
                            payout.amount().minus(new Money(listedTotals.get(event), payout.amount().currency()))));
                }
            }
            for (CanonicalEvent event : unlisted) {
                MarketplacePayout payout = (MarketplacePayout) event.payload();
                BigDecimal left = payout.amount().amount();
                for (WorkingOrder order : ordersOldestFirst()) {
                    if (left.signum() == 0) {
                        break;
                    }
                    if (!order.source.equals(event.source()) || !order.currency.equals(payout.amount().currency())) {
                        continue;
                    }
                    BigDecimal open = marketplaceNet(order).subtract(outstandingHold(order)).subtract(order.paid).max(BigDecimal.ZERO);
                    BigDecimal take = open.min(left);
                    if (take.signum() > 0) {
                        order.paid = order.paid.add(take);
                        order.eventIds.add(event.eventId());
                    }
                    left = left.subtract(take);
                }
                payouts.add(new ReceivedPayout(payout.payoutId(), event.source(), payout.amount(),
                        new Money(left, payout.amount().currency())));
            }
        }

        private List<WorkingOrder> ordersOldestFirst() {
            return orders.values().stream()
                    .sorted(Comparator.comparing((WorkingOrder o) -> o.soldAt).thenComparing(o -> o.orderId)).toList();
        }

        private BigDecimal marketplaceNet(WorkingOrder order) {
            return order.lines.stream().map(l -> gross(l).subtract(l.fees())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private BigDecimal outstandingHold(WorkingOrder order) {
            return order.holdsPlaced.subtract(order.holdReductions).max(BigDecimal.ZERO);
        }

        private static BigDecimal saleGross(WorkingLine line) {
            return line.sale.unitPrice().amount().multiply(BigDecimal.valueOf(line.sale.quantity())).subtract(line.sale.discount().amount());
        }

        private static BigDecimal commissionBase(WorkingLine line) {
            return saleGross(line).add(line.adjustments);
        }

        private static BigDecimal gross(WorkingLine line) {
            return commissionBase(line).subtract(line.refunds);
        }

        private OrderSettlement settleOrder(WorkingOrder order) {
            String ccy = order.currency;
            BigDecimal m = marketplaceNet(order);
            BigDecimal h = outstandingHold(order);
            BigDecimal p = order.paid.min(m.subtract(h).max(BigDecimal.ZERO));
            List<LineSettlement> lines = new ArrayList<>();
            for (WorkingLine line : order.lines) {
                Money gross = new Money(gross(line), ccy);
                Money fees = new Money(line.fees(), ccy);
                Money net = gross.minus(fees);
                Agreement agreement = terms.at(line.saleDate);
                Money commission = Money.rounded(commissionBase(line).multiply(agreement.commissionRate()), ccy);
                BigDecimal vatRate = agreement.commissionVatRate() != null ? agreement.commissionVatRate()
                        : reference.standardVatRate(line.saleDate).orElseThrow();
                Money commissionVat = Money.rounded(commission.amount().multiply(vatRate), ccy);
                Map<String, BigDecimal> goodsExact = new TreeMap<>();
                List<LineSettlement.LotUse> lotUses = new ArrayList<>();
                BigDecimal customsExact = BigDecimal.ZERO;
                BigDecimal logisticsExact = BigDecimal.ZERO;
                for (LotBook.Portion portion : line.portions) {
                    LotBook.Lot lot = portion.lot();
                    BigDecimal units = BigDecimal.valueOf(portion.quantity());
                    BigDecimal rate = rate(lot.unitGoodsCost.currency(), ccy, line.saleDate).orElseThrow();
                    goodsExact.merge(lot.supplierId, units.multiply(lot.unitGoodsCost.amount()).multiply(rate), BigDecimal::add);
                    lotUses.add(new LineSettlement.LotUse(lot.receiptId, lot.supplierId, portion.quantity(), lot.unitGoodsCost, rate,
                            lot.unitCustoms, lot.unitLogistics));
                    customsExact = customsExact.add(units.multiply(lot.unitCustoms));
                    logisticsExact = logisticsExact.add(units.multiply(lot.unitLogistics));
                }
                Money goods = Money.rounded(goodsExact.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), ccy);
                Map<String, Money> goodsBySupplier = splitBySupplier(goods, goodsExact);
                Money customs = Money.rounded(customsExact, ccy);
                Money logistics = Money.rounded(logisticsExact, ccy);
                Money landed = goods.plus(customs).plus(logistics);
                Money clientNet = net.minus(commission).minus(commissionVat).minus(landed);
                Money held = share(clientNet, h, m);
                Money available = share(clientNet, p, m);
                Money pending = clientNet.minus(held).minus(available);
                LineSettlement.Waterfall waterfall = new LineSettlement.Waterfall(new Money(saleGross(line), ccy),
                        new Money(line.adjustments, ccy), new Money(line.refunds, ccy), new Money(line.saleFees, ccy),
                        new Money(line.feesReversed, ccy), new Money(line.returnLogistics, ccy), new Money(line.orderCharges, ccy));
                lines.add(new LineSettlement(line.sale.sku(), line.sale.quantity() - line.returned, line.returned, waterfall, gross, fees, net,
                        commission, commissionVat, goodsBySupplier, goods, customs, logistics, landed, clientNet,
                        held, available, pending, List.copyOf(lotUses), List.copyOf(line.eventIds)));
            }
            return new OrderSettlement(order.orderId, order.source, ccy, order.soldAt, lines,
                    new Money(m, ccy), new Money(h, ccy), new Money(p, ccy), new Money(order.paid.subtract(p), ccy),
                    order.expectedRelease, List.copyOf(order.eventIds));
        }

        private static Map<String, Money> splitBySupplier(Money goods, Map<String, BigDecimal> exact) {
            Map<String, Money> bySupplier = new TreeMap<>();
            if (exact.size() == 1) {
                bySupplier.put(exact.keySet().iterator().next(), goods);
            } else if (exact.size() > 1) {
                List<String> suppliers = new ArrayList<>(exact.keySet());
                List<BigDecimal> parts = Allocation.largestRemainder(goods.amount(), goods.currency(),
                        suppliers.stream().map(exact::get).toList());
                for (int i = 0; i < suppliers.size(); i++) {
                    bySupplier.put(suppliers.get(i), new Money(parts.get(i), goods.currency()));
                }
            }
            return bySupplier;
        }

        /** r(N × part / M); zero when the order's marketplace net is not positive. */
        private static Money share(Money clientNet, BigDecimal part, BigDecimal marketplaceNet) {
            if (marketplaceNet.signum() <= 0 || part.signum() == 0) {
                return Money.zero(clientNet.currency());
            }
            return Money.rounded(clientNet.amount().multiply(part).divide(marketplaceNet, 20, RoundingMode.HALF_UP),
                    clientNet.currency());
        }
    }

}
