package io.settlehub.contract;

/** The canonical event types on {@code hub.events} (docs/design.md, "Canonical events"). */
public enum EventType {
    SALE,
    HOLD_PLACED,
    HOLD_RELEASED,
    PRICE_ADJUSTED,
    RETURN,
    MARKETPLACE_CHARGE,
    MARKETPLACE_PAYOUT,
    BANK_CREDIT,
    GOODS_RECEIVED,
    SHIPMENT_COST,
    CUSTOMS_ASSESSED,
    FX_RATE,
    PAYMENT_STATUS
}
