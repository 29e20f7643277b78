package io.settlehub.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.EventCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-client notifications one message of hub.notifications carries: the changes of a {@code BALANCES_CHANGED}
 * message (decision 0019), each exactly the {@code BALANCE_CHANGED} body webhooks and pages receive, or the message
 * itself.
 */
final class ClientNotifications {

    private ClientNotifications() {
    }

    static List<String> of(String message) {
        JsonNode node = parse(message);
        if (!Notifications.BALANCES_CHANGED.equals(node.path("type").asText())) {
            return List.of(message);
        }
        List<String> each = new ArrayList<>();
        for (JsonNode change : node.path("changes")) {
            each.add(change.toString());
        }
        return each;
    }

    /** The client a per-client notification concerns; null for a hub-wide one. */
    static String clientOf(String notification) {
        JsonNode clientId = parse(notification).get("clientId");
        return clientId == null || clientId.isNull() ? null : clientId.asText();
    }

    private static JsonNode parse(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
