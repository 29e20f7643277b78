package io.settlehub.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.settlehub.contract.EventCodec;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.outbox.OutboxRepository;
import io.settlehub.core.outbox.OutboxRepository.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The balance notifications of one transaction: every client whose accounts moved once, with its buckets, in
 * BALANCES_CHANGED messages of at most a hundred clients (decision 0019) that the contract's schema accepts; its alerts
 * the same way, in ALERTS_RAISED messages (decision 0021).
 */
class NotificationsTest {

    private final OutboxRepository outbox = mock(OutboxRepository.class);
    private final BucketBalances balances = mock(BucketBalances.class);
    private final Notifications notifications = new Notifications(outbox, balances,
            Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void the_clients_of_a_transaction_are_notified_once_each_in_messages_of_at_most_a_hundred() throws Exception {
        Set<String> clients = new TreeSet<>(IntStream.range(0, 250).mapToObj(i -> String.format("client-%03d", i)).toList());
        Map<String, List<Map<String, String>>> buckets = new LinkedHashMap<>();
        clients.forEach(c -> buckets.put(c, List.of(Map.of("currency", "RUB", "pending", "0", "held", "0", "available", "1.00",
                "inFlight", "0", "paid", "0"))));
        when(balances.of(anyCollection())).thenReturn(buckets);

        commit(() -> {
            notifications.ledgerPosted(new LedgerRepository.Posted(Set.copyOf(new ArrayList<>(clients).subList(0, 200))));
            notifications.ledgerPosted(new LedgerRepository.Posted(Set.copyOf(new ArrayList<>(clients).subList(150, 250))));
        });

        List<OutboxMessage> messages = writtenTogether(Notifications.BALANCES_GROUP, Notifications.BALANCES_CHANGED);
        assertThat(messages).extracting(m -> EventCodec.mapper().readTree(m.body()).get("changes").size()).containsExactly(100, 100, 50);
        List<String> notified = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (OutboxMessage message : messages) {
            for (ClientNotifications.ClientNotification change : ClientNotifications.of(message.body())) {
                JsonNode node = EventCodec.mapper().readTree(change.body());
                assertThat(change.clientId()).isEqualTo(node.get("clientId").asText());
                assertThat(node.get("type").asText()).isEqualTo(Notifications.BALANCE_CHANGED);
                assertThat(node.get("balances").get(0).get("available").asText()).isEqualTo("1.00");
                notified.add(node.get("clientId").asText());
                ids.add(node.get("notificationId").asText());
            }
        }
        assertThat(notified).as("each client once, in order").containsExactlyElementsOf(clients);
        assertThat(ids).as("each its own notification id").hasSize(250);
    }

    @Test
    void the_alerts_of_a_transaction_travel_in_messages_of_at_most_a_hundred_each_alert_as_webhooks_receive_it() throws Exception {
        List<io.settlehub.core.alerts.Alert> alerts = IntStream.range(0, 205).mapToObj(i -> new io.settlehub.core.alerts.Alert(
                "alert-" + i, io.settlehub.core.alerts.Alert.Kind.SOLD_BELOW_LANDED_COST, i % 2 == 0 ? "client-" + i : null,
                "order-" + i, "sold below landed cost " + i)).toList();

        notifications.alerts(alerts);
        notifications.alerts(List.of());

        List<OutboxMessage> messages = writtenTogether(Notifications.ALERTS_GROUP, Notifications.ALERTS_RAISED);
        assertThat(messages).extracting(m -> EventCodec.mapper().readTree(m.body()).get("alerts").size()).containsExactly(100, 100, 5);
        List<String> raised = new ArrayList<>();
        for (OutboxMessage message : messages) {
            for (ClientNotifications.ClientNotification alert : ClientNotifications.of(message.body())) {
                JsonNode node = EventCodec.mapper().readTree(alert.body());
                assertThat(node.get("type").asText()).isEqualTo(Notifications.ALERT);
                assertThat(alert.clientId()).isEqualTo(node.has("clientId") ? node.get("clientId").asText() : null);
                assertValid(node);
                raised.add(node.get("alertId").asText());
            }
        }
        assertThat(raised).as("each alert once, in order").containsExactlyElementsOf(alerts.stream().map(a -> a.alertId()).toList());
    }

    /** The one list written to the outbox: messages of this group and type on the topic, each valid by the contract. */
    private List<OutboxMessage> writtenTogether(String group, String type) {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<OutboxMessage>> written = ArgumentCaptor.forClass(List.class);
        verify(outbox).addAll(written.capture());
        List<OutboxMessage> messages = written.getValue();
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.groupId()).isEqualTo(group);
            assertThat(m.messageType()).isEqualTo(type);
            assertThat(m.destination()).isEqualTo(Notifications.DESTINATION);
            JsonNode body = EventCodec.mapper().readTree(m.body());
            assertThat(body.get("notificationId").asText()).isEqualTo(m.messageId());
            assertValid(body);
        });
        return messages;
    }

    private void assertValid(JsonNode notification) {
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(getClass().getResourceAsStream("/schemas/notification.json")).validate(notification)).isEmpty();
    }

    private static void commit(Runnable work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            synchronizations.forEach(s -> s.beforeCommit(false));
            synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
