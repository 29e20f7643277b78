package io.settlehub.core.settlement;

import io.settlehub.contract.Allocation;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.CustomsAssessed;
import io.settlehub.contract.EventPayload.CustomsLine;
import io.settlehub.contract.EventPayload.GoodsReceived;
import io.settlehub.contract.EventPayload.ReceiptLine;
import io.settlehub.contract.EventPayload.ShipmentCost;
import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The client's lots (one per receipt line) with their unit costs: goods in the supplier's currency, customs
 * and logistics per unit. Customs and shipment costs attach to the lots of their receipt; the latest
 * revision of a declaration or shipment replaces earlier ones. Units are taken oldest lot first.
 */
final class LotBook {

    static final MathContext UNIT_COST = MathContext.DECIMAL128;

    static final class Lot {
        /** Unique within the client: the receipt event and the line's index in it. */
        final String id;
        final String receiptId;
        final String supplierId;
        final String sku;
        final java.time.Instant receivedAt;
        final int quantity;
        final Money unitGoodsCost;
        BigDecimal unitCustoms = BigDecimal.ZERO;
        BigDecimal unitLogistics = BigDecimal.ZERO;
        String costCurrency;
        int remaining;

        Lot(StoredLot stored) {
            this.id = stored.id();
            this.receiptId = stored.receiptId();
            this.supplierId = stored.supplierId();
            this.sku = stored.sku();
            this.receivedAt = stored.receivedAt();
            this.quantity = stored.quantity();
            this.unitGoodsCost = stored.unitGoodsCost();
            this.unitCustoms = stored.unitCustoms();
            this.unitLogistics = stored.unitLogistics();
            this.costCurrency = stored.costCurrency();
            this.remaining = stored.remaining();
        }

        Lot(CanonicalEvent event, GoodsReceived receipt, int index) {
            ReceiptLine line = receipt.lines().get(index);
            this.id = event.eventId() + "#" + index;
            this.receiptId = receipt.receiptId();
            this.supplierId = receipt.supplierId();
            this.sku = line.sku();
            this.receivedAt = event.occurredAt();
            this.quantity = line.quantity();
            this.unitGoodsCost = line.unitCost();
            this.remaining = line.quantity();
        }
    }

    /** Units of one lot taken by a sale line. */
    record Portion(Lot lot, int quantity) {
    }

    private final Map<String, Lot> lotsById = new java.util.LinkedHashMap<>();
    private final Map<String, List<Lot>> lotsBySku = new HashMap<>();
    private final Map<String, List<Lot>> lotsByReceipt = new HashMap<>();
    /** The receipt each customs declaration (the revision in force) clears. */
    private final Map<String, String> receiptByDeclaration = new HashMap<>();

    private LotBook() {
    }

    /** The lot book a checkpoint recorded: its lots in their original order, and which receipt each declaration clears. */
    static LotBook restored(List<StoredLot> lots, Map<String, String> receiptByDeclaration) {
        LotBook book = new LotBook();
        for (StoredLot stored : lots) {
            Lot lot = new Lot(stored);
            book.lotsById.put(lot.id, lot);
            book.lotsBySku.computeIfAbsent(lot.sku, k -> new ArrayList<>()).add(lot);
            book.lotsByReceipt.computeIfAbsent(lot.receiptId, k -> new ArrayList<>()).add(lot);
        }
        book.receiptByDeclaration.putAll(receiptByDeclaration);
        return book;
    }

    /** Every lot as a checkpoint records it, in the book's order. */
    List<StoredLot> stored() {
        return lotsById.values().stream().map(l -> new StoredLot(l.id, l.receiptId, l.supplierId, l.sku, l.receivedAt, l.quantity,
                l.unitGoodsCost, l.unitCustoms, l.unitLogistics, l.costCurrency, l.remaining)).toList();
    }

    Map<String, String> declarations() {
        return Map.copyOf(receiptByDeclaration);
    }

    LotBook(List<CanonicalEvent> receipts, List<CanonicalEvent> customs, List<CanonicalEvent> shipments,
            boolean customsVatIsCost, Consumer<Parked> park) {
        for (CanonicalEvent event : receipts) {
            GoodsReceived receipt = (GoodsReceived) event.payload();
            for (int i = 0; i < receipt.lines().size(); i++) {
                Lot lot = new Lot(event, receipt, i);
                lotsById.put(lot.id, lot);
                lotsBySku.computeIfAbsent(lot.sku, k -> new ArrayList<>()).add(lot);
                lotsByReceipt.computeIfAbsent(receipt.receiptId(), k -> new ArrayList<>()).add(lot);
            }
        }
        Comparator<Lot> fifo = Comparator.comparing((Lot l) -> l.receivedAt).thenComparing(l -> l.receiptId);
        lotsBySku.values().forEach(lots -> lots.sort(fifo));
        for (CanonicalEvent event : latestDeclarations(customs)) {
            CustomsAssessed declaration = (CustomsAssessed) event.payload();
            receiptByDeclaration.put(declaration.declarationId(), declaration.receiptId());
            attachCustoms(event, customsVatIsCost, park);
        }
        for (CanonicalEvent event : latestRevisions(shipments, e -> ((ShipmentCost) e.payload()).shipmentId(),
                e -> ((ShipmentCost) e.payload()).revision())) {
            attachShipment(event, park);
        }
    }

    /** Of each customs declaration, the revision in force. */
    static List<CanonicalEvent> latestDeclarations(List<CanonicalEvent> customs) {
        return latestRevisions(customs, e -> ((CustomsAssessed) e.payload()).declarationId(),
                e -> ((CustomsAssessed) e.payload()).revision());
    }

    private static List<CanonicalEvent> latestRevisions(List<CanonicalEvent> events,
                                                        java.util.function.Function<CanonicalEvent, String> id,
                                                        java.util.function.Function<CanonicalEvent, Integer> revision) {
        Map<String, CanonicalEvent> latest = new HashMap<>();
        Comparator<CanonicalEvent> order = Comparator
                .comparing((CanonicalEvent e) -> revision.apply(e) == null ? 0 : revision.apply(e))
                .thenComparing(CanonicalEvent::eventId);
        for (CanonicalEvent event : events) {
            latest.merge(id.apply(event), event, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        return latest.values().stream().sorted(Comparator.comparing(CanonicalEvent::eventId)).toList();
    }

    private void attachCustoms(CanonicalEvent event, boolean customsVatIsCost, Consumer<Parked> park) {
        CustomsAssessed declaration = (CustomsAssessed) event.payload();
        for (CustomsLine line : declaration.lines()) {
            Lot lot = lotOf(declaration.receiptId(), line.sku());
            if (lot == null) {
                park.accept(new Parked(event.eventId(), event.clientId(), event.type(),
                        "waiting for goods receipt " + declaration.receiptId() + " with SKU " + line.sku()));
                return;
            }
        }
        for (CustomsLine line : declaration.lines()) {
            Lot lot = lotOf(declaration.receiptId(), line.sku());
            Money perLine = line.duty().plus(line.fees());
            if (customsVatIsCost) {
                perLine = perLine.plus(line.vat());
            }
            lot.unitCustoms = lot.unitCustoms.add(perLine.amount().divide(BigDecimal.valueOf(line.quantity()), UNIT_COST));
            lot.costCurrency = perLine.currency();
        }
    }

    private void attachShipment(CanonicalEvent event, Consumer<Parked> park) {
        ShipmentCost shipment = (ShipmentCost) event.payload();
        List<Lot> lots = new ArrayList<>();
        for (var line : shipment.lines()) {
            Lot lot = lotOf(shipment.receiptId(), line.sku());
            if (lot == null) {
                park.accept(new Parked(event.eventId(), event.clientId(), event.type(),
                        "waiting for goods receipt " + shipment.receiptId() + " with SKU " + line.sku()));
                return;
            }
            lots.add(lot);
        }
        List<BigDecimal> shares = Allocation.largestRemainder(shipment.amount().amount(), shipment.amount().currency(),
                shipment.lines().stream().map(l -> BigDecimal.valueOf(l.quantity())).toList());
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            // spread over the whole lot: a receipt delivered in several shipments must not charge each unit for each of them
            lot.unitLogistics = lot.unitLogistics.add(shares.get(i).divide(BigDecimal.valueOf(lot.quantity), UNIT_COST));
            lot.costCurrency = shipment.amount().currency();
        }
    }

    private Lot lotOf(String receiptId, String sku) {
        return lotsByReceipt.getOrDefault(receiptId, List.of()).stream().filter(l -> l.sku.equals(sku)).findFirst().orElse(null);
    }

    int available(String sku) {
        return lotsBySku.getOrDefault(sku, List.of()).stream().mapToInt(l -> l.remaining).sum();
    }

    /**
     * Takes units oldest lot first — the lots of the receipt the named customs declaration clears before any other, when
     * the sale names one and the declaration is known; the caller checks {@link #available} before.
     */
    List<Portion> take(String sku, int quantity, String customsDeclaration) {
        List<Lot> order = lotsBySku.getOrDefault(sku, List.of());
        String receipt = customsDeclaration == null ? null : receiptByDeclaration.get(customsDeclaration);
        if (receipt != null) {
            List<Lot> declaredFirst = new ArrayList<>(order.stream().filter(l -> l.receiptId.equals(receipt)).toList());
            order.stream().filter(l -> !l.receiptId.equals(receipt)).forEach(declaredFirst::add);
            order = declaredFirst;
        }
        List<Portion> portions = new ArrayList<>();
        int wanted = quantity;
        for (Lot lot : order) {
            if (wanted == 0) {
                break;
            }
            int taken = Math.min(wanted, lot.remaining);
            if (taken > 0) {
                lot.remaining -= taken;
                wanted -= taken;
                portions.add(new Portion(lot, taken));
            }
        }
        return portions;
    }

    /** The lot of an id, or null. */
    Lot lot(String id) {
        return lotsById.get(id);
    }

    /** Puts returned units back into their lots, last taken first; returns the portions still sold. */
    static List<Portion> giveBack(List<Portion> sold, int quantity) {
        return giveBack(sold, quantity, true);
    }

    /**
     * The same; with {@code restock} false the lots are left as they are (replaying a return whose units a checkpoint
     * already counts as back in stock).
     */
    static List<Portion> giveBack(List<Portion> sold, int quantity, boolean restock) {
        List<Portion> kept = new ArrayList<>(sold);
        int left = quantity;
        for (int i = kept.size() - 1; i >= 0 && left > 0; i--) {
            Portion portion = kept.get(i);
            int back = Math.min(left, portion.quantity());
            if (restock) {
                portion.lot().remaining += back;
            }
            left -= back;
            if (back == portion.quantity()) {
                kept.remove(i);
            } else {
                kept.set(i, new Portion(portion.lot(), portion.quantity() - back));
            }
        }
        return kept;
    }
}
