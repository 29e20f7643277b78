package io.settlehub.core.alerts;

/**
 * Something a finance person would want to look at. {@code alertId} is stable (kind and subject), so the same finding is
 * raised once; {@code clientId} is null for findings that concern no single client (a silent feed, an FX rate).
 * {@code message} is the English text (the API, webhooks, logs); {@code args} are the figures it names, in order, so that
 * a page can say the same in its reader's language ({@code alert.text.<kind>} in the dashboard's messages).
 */
public record Alert(String alertId, Kind kind, String clientId, String subject, String message, java.util.List<String> args) {

    public Alert(String alertId, Kind kind, String clientId, String subject, String message) {
        this(alertId, kind, clientId, subject, message, java.util.List.of());
    }

    public enum Kind {
        FEE_RATE_OUTLIER, SOLD_BELOW_LANDED_COST, PAYOUT_MATCHES_NO_EXPECTATION, DUPLICATE_PAYMENT_ATTEMPT, FEED_SILENT, FX_RATE_JUMP,
        /** A message refused for who sent it (an event type its sender may not publish, an instruction not signed by the core). */
        MESSAGE_REFUSED,
        /** The bank reports a status that contradicts the hub's record of the instruction (booked after a rejection, …). */
        PAYMENT_STATUS_CONTRADICTS_RECORD
    }

    /** A message refused for its sender: an operator's matter, never shown to the client it names. */
    public static Alert messageRefused(String subject, String message) {
        return of(Kind.MESSAGE_REFUSED, null, subject, message);
    }

    public static Alert paymentStatusContradiction(String clientId, String instructionId, String message) {
        return of(Kind.PAYMENT_STATUS_CONTRADICTS_RECORD, clientId, instructionId, message);
    }

    static Alert of(Kind kind, String clientId, String subject, String message, Object... args) {
        return new Alert(kind + ":" + (clientId == null ? "-" : clientId) + ":" + subject, kind, clientId, subject, message,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
