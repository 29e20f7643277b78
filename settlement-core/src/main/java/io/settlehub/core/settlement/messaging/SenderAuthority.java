package io.settlehub.core.settlement.messaging;

import io.settlehub.contract.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which broker users alone may publish which event types ({@code hub.events.senders}): the bank's word on payments and
 * credits, and the central bank's rates, come only from connector-bank. The broker already lets only connectors (and
 * settlement-core) send to hub.events at all; any type not listed may come from any of them.
 */
public final class SenderAuthority {

    private final Map<EventType, Set<String>> restricted;

    public SenderAuthority(Map<EventType, ? extends java.util.Collection<String>> restricted) {
        this.restricted = new EnumMap<>(EventType.class);
        restricted.forEach((type, senders) -> this.restricted.put(type, Set.copyOf(senders)));
    }

    /** Why an event of this type from this sender (a broker user; null if the broker named none) is refused; empty if it is not. */
    public Optional<String> refusal(EventType type, String sender) {
        Set<String> allowed = restricted.get(type);
        if (allowed == null || sender != null && allowed.contains(sender)) {
            return Optional.empty();
        }
        return Optional.of(type + " may only come from " + String.join(", ", List.copyOf(new java.util.TreeSet<>(allowed)))
                + "; this one came from " + (sender == null ? "a sender the broker did not name (populate-validated-user is off)" : sender));
    }
}
