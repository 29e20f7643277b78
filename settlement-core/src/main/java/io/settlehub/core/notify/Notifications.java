package io.settlehub.core.notify;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.EventCodec;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.outbox.OutboxRepository;
import io.settlehub.core.outbox.OutboxRepository.OutboxMessage;
import io.settlehub.core.payout.store.PaymentRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notifications on {@code hub.notifications} (multicast), written to the outbox in the transaction that caused them, so
 * one is published exactly when its change is committed:
 * <ul>
 *   <li>{@code BALANCE_CHANGED} once per client per transaction that moved its accounts, with its buckets afterwards; on
 *   the topic they travel together, up to {@link #CLIENTS_PER_MESSAGE} in one {@code BALANCES_CHANGED} message (decision
 *   0019), which the webhooks and the live pages take apart;</li>
 *   <li>{@code PAYMENT_STATUS_CHANGED} for each instruction created or changed, with its status and reason;</li>
 *   <li>{@code ALERT} for each anomaly the alert rules find, once.</li>
 * </ul>
 * The body format is in docs/contract.md.
 */
@Component
public class Notifications {

    public static final String DESTINATION = "topic:" + Addresses.NOTIFICATIONS;
    public static final String BALANCE_CHANGED = "BALANCE_CHANGED";
    public static final String BALANCES_CHANGED = "BALANCES_CHANGED";
    /** The group of every BALANCES_CHANGED message: one consumer at a time takes them, in the order they were committed. */
    public static final String BALANCES_GROUP = "hub-balances";
    /** At most this many clients' changes in one message (about 50 KB: below the broker's large-message size). */
    static final int CLIENTS_PER_MESSAGE = 100;
    private static final String PENDING = Notifications.class.getName() + ".clients";

    private final OutboxRepository outbox;
    private final BucketBalances balances;
    private final Clock clock;

    public Notifications(OutboxRepository outbox, BucketBalances balances, Clock clock) {
        this.outbox = outbox;
        this.balances = balances;
        this.clock = clock;
    }

    @EventListener
    public void ledgerPosted(LedgerRepository.Posted posted) {
        if (posted.clientIds().isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Set<String> clients = new TreeSet<>();
            TransactionSynchronizationManager.bindResource(PENDING, clients);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    balancesChanged(clients);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = clients;
        }
        pending.addAll(posted.clientIds());
    }

    @EventListener
    public void paymentStatusChanged(PaymentRepository.StatusChanged change) {
        Map<String, Object> body = header("PAYMENT_STATUS_CHANGED", change.clientId());
        body.put("instructionId", change.instructionId());
        body.put("amount", change.amount());
        body.put("status", change.status());
        if (change.reason() != null) {
            body.put("reason", change.reason());
        }
        add(body);
    }

    /** An alert, to the client it concerns (or to everyone watching the hub when it concerns none). */
    public void alert(io.settlehub.core.alerts.Alert alert) {
        alerts(List.of(alert));
    }

    /** Alerts, each its own ALERT message, written to the outbox together. */
    public void alerts(List<io.settlehub.core.alerts.Alert> alerts) {
        List<OutboxMessage> messages = new java.util.ArrayList<>(alerts.size());
        for (io.settlehub.core.alerts.Alert alert : alerts) {
            Map<String, Object> body = header("ALERT", alert.clientId());
            body.put("alertId", alert.alertId());
            body.put("kind", alert.kind().name());
            body.put("subject", alert.subject());
            body.put("message", alert.message());
            messages.add(message(body));
        }
        if (!messages.isEmpty()) {
            outbox.addAll(messages);
        }
    }

    /**
     * One BALANCE_CHANGED per client, their balances read together, written to the outbox in BALANCES_CHANGED messages of
     * up to {@link #CLIENTS_PER_MESSAGE} clients: a batch over thousands of clients costs tens of messages and signatures,
     * not thousands.
     */
    private void balancesChanged(Set<String> clientIds) {
        List<Map<String, Object>> changes = new java.util.ArrayList<>();
        balances.of(clientIds).forEach((clientId, buckets) -> {
            Map<String, Object> body = header(BALANCE_CHANGED, clientId);
            body.put("balances", buckets);
            changes.add(body);
        });
        List<OutboxMessage> messages = new java.util.ArrayList<>();
        for (int from = 0; from < changes.size(); from += CLIENTS_PER_MESSAGE) {
            Map<String, Object> body = header(BALANCES_CHANGED, null);
            body.put("changes", changes.subList(from, Math.min(changes.size(), from + CLIENTS_PER_MESSAGE)));
            messages.add(OutboxMessage.of(DESTINATION, (String) body.get("notificationId"), BALANCES_GROUP, BALANCES_CHANGED,
                    EventCodec.write(body)));
        }
        outbox.addAll(messages);
    }

    private Map<String, Object> header(String type, String clientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", UUID.randomUUID().toString());
        body.put("type", type);
        if (clientId != null) {
            body.put("clientId", clientId);
        }
        body.put("at", clock.instant());
        return body;
    }

    private void add(Map<String, Object> body) {
        outbox.add(message(body));
    }

    private static OutboxMessage message(Map<String, Object> body) {
        return OutboxMessage.of(DESTINATION, (String) body.get("notificationId"), (String) body.get("clientId"),
                (String) body.get("type"), EventCodec.write(body));
    }
}
