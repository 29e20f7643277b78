package io.settlehub.core.notify;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CRM / WMS webhooks that receive the notifications: each has a name (its durable subscription), a URL, the shared
 * secret its deliveries are signed with (from the environment; never logged), and optionally the clients it is for
 * (empty: all).
 */
@ConfigurationProperties("hub.notifications")
public record WebhookProperties(List<Webhook> webhooks) {

    public WebhookProperties {
        webhooks = webhooks == null ? List.of() : webhooks.stream().filter(Webhook::configured).toList();
    }

    public record Webhook(String name, String url, String secret, List<String> clients) {

        public Webhook {
            clients = clients == null ? List.of() : List.copyOf(clients);
        }

        boolean configured() {
            return name != null && !name.isBlank() && url != null && !url.isBlank();
        }

        /** All notifications, or those of its clients; a notification of no client (a hub-wide alert) goes to every webhook. */
        public boolean wants(String clientId) {
            return clients.isEmpty() || clientId == null || clients.contains(clientId);
        }

        @Override
        public String toString() {
            return "Webhook[name=" + name + ", url=" + url + ", secret=****, clients=" + clients + "]";
        }
    }
}
