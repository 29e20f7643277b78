package io.settlehub.core.notify;

import io.settlehub.core.security.ApiTokenRepository;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Browsers watching a client's balances: each notification of {@code hub.notifications} that concerns the client is
 * passed on to its open streams. The notifications come from the broker, so a dashboard on any instance sees changes
 * committed by any other. A stream opened with an API token closes when the token is revoked or expires: at once on the
 * instance that revoked it, within {@code hub.security.stream-check-interval} on any other.
 */
@Component
public class LiveBalances {

    private static final String TOKEN_CALLER = "token:";

    /** An open stream: whose balances, who opened it, how to send to it and how to end it. */
    private record Watcher(String clientId, String caller, Consumer<String> send, Runnable close) {
    }

    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final ApiTokenRepository tokens;
    private final Clock clock;

    public LiveBalances(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Starts passing the client's notifications to {@code send} for {@code caller}; the answer stops it. */
    public Runnable watch(String clientId, String caller, Consumer<String> send, Runnable close) {
        Watcher watcher = new Watcher(clientId, caller, send, close);
        watchers.computeIfAbsent(clientId, c -> new CopyOnWriteArrayList<>()).add(watcher);
        return () -> watchers.getOrDefault(clientId, List.of()).remove(watcher);
    }

    /** Whether a stream on this instance watches the client (the body still decides whom a notification goes to). */
    public boolean watching(String clientId) {
        return clientId != null && !watchers.getOrDefault(clientId, List.of()).isEmpty();
    }

    /**
     * Whether a message of this group may concern a stream here: one of a client watched here, or a BALANCES_CHANGED or
     * ALERTS_RAISED message (many clients) while anyone watches.
     */
    public boolean mayConcern(String group) {
        boolean manyClients = Notifications.BALANCES_GROUP.equals(group) || Notifications.ALERTS_GROUP.equals(group);
        return manyClients ? watchers.values().stream().anyMatch(w -> !w.isEmpty()) : watching(group);
    }

    /** A message of hub.notifications: each client's notification in it to the streams watching that client. */
    public void publish(String message) {
        for (ClientNotifications.ClientNotification notification : ClientNotifications.of(message)) {
            String clientId = notification.clientId();
            if (clientId == null) {
                continue;
            }
            for (Watcher watcher : watchers.getOrDefault(clientId, List.of())) {
                try {
                    watcher.send().accept(notification.body());
                } catch (RuntimeException gone) {
                    watchers.get(clientId).remove(watcher);
                }
            }
        }
    }

    /** Ends every stream opened by this caller (a token just revoked on this instance). */
    public void closeStreamsOf(String caller) {
        for (List<Watcher> list : watchers.values()) {
            for (Watcher watcher : list) {
                if (watcher.caller().equals(caller)) {
                    list.remove(watcher);
                    watcher.close().run();
                }
            }
        }
    }

    /** Ends the streams whose token was revoked (on any instance) or has expired since they opened. */
    @Scheduled(fixedDelayString = "${hub.security.stream-check-interval:5s}")
    public void closeStreamsOfInvalidTokens() {
        Set<String> open = watchers.values().stream().flatMap(List::stream).map(Watcher::caller)
                .filter(c -> c.startsWith(TOKEN_CALLER)).collect(Collectors.toSet());
        if (open.isEmpty()) {
            return;
        }
        Set<String> valid = tokens.all().stream().filter(t -> t.revokedAt() == null && clock.instant().isBefore(t.expiresAt()))
                .map(t -> TOKEN_CALLER + t.tokenId()).collect(Collectors.toSet());
        open.stream().filter(caller -> !valid.contains(caller)).forEach(this::closeStreamsOf);
    }

    /** A stream that failed to take a message: its browser went away. */
    public static final class Gone extends RuntimeException {
        public Gone(IOException cause) {
            super(cause);
        }
    }
}
