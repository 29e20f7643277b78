package io.settlehub.core.notify;

import io.settlehub.contract.JsonFields;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Browsers watching a client's balances: each notification of {@code hub.notifications} that concerns the client is
 * passed on to its open streams. The notifications come from the broker, so a dashboard on any instance sees changes
 * committed by any other.
 */
@Component
public class LiveBalances {

    private final Map<String, List<Consumer<String>>> watchers = new ConcurrentHashMap<>();

    /** Starts passing the client's notifications to {@code send}; the answer stops it. */
    public Runnable watch(String clientId, Consumer<String> send) {
        watchers.computeIfAbsent(clientId, c -> new CopyOnWriteArrayList<>()).add(send);
        return () -> watchers.getOrDefault(clientId, List.of()).remove(send);
    }

    public void publish(String notificationJson) {
        String clientId = JsonFields.parse(notificationJson).optionalText("clientId");
        if (clientId == null) {
            return;
        }
        for (Consumer<String> send : watchers.getOrDefault(clientId, List.of())) {
            try {
                send.accept(notificationJson);
            } catch (RuntimeException gone) {
                watchers.get(clientId).remove(send);
            }
        }
    }

    /** A stream that failed to take a message: its browser went away. */
    public static final class Gone extends RuntimeException {
        public Gone(IOException cause) {
            super(cause);
        }
    }
}
