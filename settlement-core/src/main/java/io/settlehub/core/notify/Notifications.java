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
 *   the topic they travel together, up to {@link #PER_MESSAGE} in one {@code BALANCES_CHANGED} message (decision
 *   0019), which the webhooks and the live pages take apart;</li>
 *   <li>{@code PAYMENT_STATUS_CHANGED} for each instruction created or changed, with its status and reason;</li>
 *   <li>{@code ALERT} for each anomaly the alert rules find, once; on the topic the alerts of one transaction travel
 *   together, up to {@link #PER_MESSAGE} in one {@code ALERTS_RAISED} message, taken apart the same way.</li>
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
    public static final String ALERT = "ALERT";
    public static final String ALERTS_RAISED = "ALERTS_RAISED";
    /** The group of every ALERTS_RAISED message, as {@link #BALANCES_GROUP} is of the balance changes. */
    public static final String ALERTS_GROUP = "hub-alerts";
    /** At most this many clients' changes, or alerts, in one message (about 50 KB: below the broker's large-message size). */
    static final int PER_MESSAGE = 100;
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

    /** Alerts, each an ALERT, written to the outbox together in ALERTS_RAISED messages of up to {@link #PER_MESSAGE}. */
    public void alerts(List<io.settlehub.core.alerts.Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        List<Map<String, Object>> each = new java.util.ArrayList<>(alerts.size());
        for (io.settlehub.core.alerts.Alert alert : alerts) {
            Map<String, Object> body = header(ALERT, alert.clientId());
            body.put("alertId", alert.alertId());
            body.put("kind", alert.kind().name());
            body.put("subject", alert.subject());
            body.put("message", alert.message());
            each.add(body);
        }
        outbox.addAll(together(ALERTS_RAISED, ALERTS_GROUP, "alerts", each));
    }

    /**
     * One BALANCE_CHANGED per client, their balances read together, written to the outbox in BALANCES_CHANGED messages of
     * up to {@link #PER_MESSAGE} clients: a batch over thousands of clients costs tens of messages and signatures,
     * not thousands.
     */
    private void balancesChanged(Set<String> clientIds) {
        List<Map<String, Object>> changes = new java.util.ArrayList<>();
        balances.of(clientIds).forEach((clientId, buckets) -> {
            Map<String, Object> body = header(BALANCE_CHANGED, clientId);
            body.put("balances", buckets);
            changes.add(body);
        });
        outbox.addAll(together(BALANCES_CHANGED, BALANCES_GROUP, "changes", changes));
    }

    /** Notifications in messages of {@code type} of up to {@link #PER_MESSAGE}, each unchanged in the array {@code field}. */
    private List<OutboxMessage> together(String type, String group, String field, List<Map<String, Object>> each) {
        List<OutboxMessage> messages = new java.util.ArrayList<>();
        for (int from = 0; from < each.size(); from += PER_MESSAGE) {
            Map<String, Object> body = header(type, null);
            body.put(field, each.subList(from, Math.min(each.size(), from + PER_MESSAGE)));
            messages.add(OutboxMessage.of(DESTINATION, (String) body.get("notificationId"), group, type, EventCodec.write(body)));
        }
        return messages;
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
