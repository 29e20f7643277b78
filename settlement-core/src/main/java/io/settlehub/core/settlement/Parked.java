package io.settlehub.core.settlement;

import io.settlehub.contract.EventType;

/** A valid fact that cannot apply yet, with what it waits for. */
public record Parked(String eventId, String clientId, EventType type, String reason) {
}
