package io.settlehub.core.settlement.messaging;

import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageSignatures;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which broker users alone may publish which event types ({@code hub.events.senders}): the bank's word on payments and
 * credits, and the central bank's rates, come only from connector-bank. The broker already lets only connectors (and
 * settlement-core) send to hub.events at all; any type not listed may come from any of them.
 *
 * <p>The sender is the user the broker vouches for. In a cluster of brokers, a message that reached its consumer through
 * the other broker carries the cluster's user instead (the broker stamps the user of the connection that delivered it):
 * such a message is taken when it carries the signature of a sender named for its type, by that sender's key
 * ({@code hub.events.sender-keys}; decision 0015).
 */
public final class SenderAuthority {

    private final Map<EventType, Set<String>> restricted;
    private final Map<String, MessageSignatures.Verifier> keys;

    public SenderAuthority(Map<EventType, ? extends Collection<String>> restricted, Map<String, MessageSignatures.Verifier> keys) {
        this.restricted = new EnumMap<>(EventType.class);
        restricted.forEach((type, senders) -> this.restricted.put(type, Set.copyOf(senders)));
        this.keys = Map.copyOf(keys);
    }

    /**
     * Why an event of this type from this sender (a broker user; null if the broker named none), with this body and
     * signature (null if unsigned), is refused; empty if it is not.
     */
    public Optional<String> refusal(EventType type, String sender, String body, String signature) {
        Set<String> allowed = restricted.get(type);
        if (allowed == null || sender != null && allowed.contains(sender) || signedByOneOf(allowed, body, signature)) {
            return Optional.empty();
        }
        String from = sender == null ? "a sender the broker did not name (populate-validated-user is off)" : sender;
        String signed = signature == null ? "" : ", with a signature of none of them";
        return Optional.of(type + " may only come from " + String.join(", ", new TreeSet<>(allowed)) + "; this one came from " + from + signed);
    }

    private boolean signedByOneOf(Set<String> allowed, String body, String signature) {
        if (signature == null) {
            return false;
        }
        return allowed.stream().map(keys::get).anyMatch(key -> key != null && key.verifies(body, signature));
    }
}
