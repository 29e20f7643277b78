package io.settlehub.core.alerts;

/**
 * Something a finance person would want to look at. {@code alertId} is stable (kind and subject), so the same finding is
 * raised once; {@code clientId} is null for findings that concern no single client (a silent feed, an FX rate).
 */
public record Alert(String alertId, Kind kind, String clientId, String subject, String message) {

    public enum Kind {
        FEE_RATE_OUTLIER, SOLD_BELOW_LANDED_COST, PAYOUT_MATCHES_NO_EXPECTATION, DUPLICATE_PAYMENT_ATTEMPT, FEED_SILENT, FX_RATE_JUMP
    }

    static Alert of(Kind kind, String clientId, String subject, String message) {
        return new Alert(kind + ":" + (clientId == null ? "-" : clientId) + ":" + subject, kind, clientId, subject, message);
    }
}
