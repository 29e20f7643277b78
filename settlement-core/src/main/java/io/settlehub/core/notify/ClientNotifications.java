package io.settlehub.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.EventCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-client notifications one message of hub.notifications carries: the changes of a {@code BALANCES_CHANGED}
 * message (decision 0019) or the alerts of an {@code ALERTS_RAISED} one (decision 0021), each exactly the
 * {@code BALANCE_CHANGED} or {@code ALERT} body webhooks and pages receive, or the message itself. The message is parsed
 * once.
 */
final class ClientNotifications {

    /** One notification: its client (null for a hub-wide one) and its body as webhooks and pages receive it. */
    record ClientNotification(String clientId, String body) {
    }

    private ClientNotifications() {
    }

    static List<ClientNotification> of(String message) {
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification is not JSON: " + e.getOriginalMessage(), e);
        }
        String type = node.path("type").asText();
        String together = Notifications.BALANCES_CHANGED.equals(type) ? "changes" : Notifications.ALERTS_RAISED.equals(type) ? "alerts" : null;
        if (together == null) {
            return List.of(new ClientNotification(clientOf(node), message));
        }
        List<ClientNotification> each = new ArrayList<>();
        for (JsonNode change : node.path(together)) {
            each.add(new ClientNotification(clientOf(change), change.toString()));
        }
        return each;
    }

    private static String clientOf(JsonNode notification) {
        JsonNode clientId = notification.get("clientId");
        return clientId == null || clientId.isNull() ? null : clientId.asText();
    }
}
