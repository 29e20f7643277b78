package io.settlehub.core.config;

import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageSignatures;
import io.settlehub.core.alerts.AlertPublisher;
import io.settlehub.core.messaging.MessageSenders;
import io.settlehub.core.settlement.messaging.EventBatchConsumer;
import io.settlehub.core.settlement.messaging.IngestMetrics;
import io.settlehub.core.settlement.messaging.SenderAuthority;
import io.settlehub.core.settlement.service.SettlementService;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

@Configuration
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The key settlement-core signs what it publishes with ({@code HUB_CORE_SIGNING_KEY}). {@code hub.signing.ephemeral-key}
     * (tests, benchmarks) makes one for the run instead: nothing outside this process can then check its signatures.
     */
    @Bean
    MessageSignatures.Signer messageSigner(@Value("${hub.signing.key:}") String key,
                                           @Value("${hub.signing.ephemeral-key:false}") boolean ephemeral) {
        if (key.isBlank() && ephemeral) {
            return MessageSignatures.signer(MessageSignatures.newKeyPair()[0], "hub.signing.ephemeral-key");
        }
        try {
            return MessageSignatures.signer(key, "HUB_CORE_SIGNING_KEY");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + ": settlement-core signs every payment instruction it publishes, and"
                    + " connector-bank pays only what it signed (docs/security.md, \"Keys\")");
        }
    }

    /** Who sent a message: settlement-core knows its own broker user, the one it logs in as. */
    @Bean
    MessageSenders messageSenders(@Value("${spring.artemis.user}") String coreIdentity) {
        return new MessageSenders(coreIdentity);
    }

    /**
     * {@code hub.events.senders}: event type → the broker users (comma-separated) that alone may publish it;
     * {@code hub.events.sender-keys}: broker user → its public keys, for what reaches us through another broker.
     */
    @Bean
    SenderAuthority senderAuthority(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<EventType, String> configured = binder.bind("hub.events.senders", Bindable.mapOf(EventType.class, String.class)).orElse(Map.of());
        Map<EventType, List<String>> senders = new EnumMap<>(EventType.class);
        configured.forEach((type, users) -> senders.put(type, Arrays.stream(users.split(",")).map(String::trim)
                .filter(u -> !u.isEmpty()).toList()));
        Map<String, MessageSignatures.Verifier> keys = new HashMap<>();
        binder.bind("hub.events.sender-keys", Bindable.mapOf(String.class, String.class)).orElse(Map.of()).forEach((user, publicKeys) -> {
            if (!publicKeys.isBlank()) {
                keys.put(user, MessageSignatures.verifier(publicKeys, "hub.events.sender-keys." + user));
            }
        });
        return new SenderAuthority(senders, keys);
    }

    @Bean
    @ConditionalOnProperty(name = "hub.events.consumer-enabled", havingValue = "true", matchIfMissing = true)
    EventBatchConsumer eventBatchConsumer(ConnectionFactory connectionFactory, SettlementService settlement, IngestMetrics metrics,
                                          MessageSenders senders, SenderAuthority authority, AlertPublisher alerts,
                                          @Value("${hub.events.batch-size}") int batchSize,
                                          @Value("${hub.events.batch-wait}") Duration batchWait,
                                          @Value("${hub.events.consumers}") int consumers,
                                          @Value("${hub.events.apply-parts:2}") int applyParts,
                                          @Value("${hub.events.retry-initial}") Duration retryInitial,
                                          @Value("${hub.events.retry-max}") Duration retryMax,
                                          @Value("${hub.events.auto-start:true}") boolean autoStart) {
        // The consumer owns long-lived transacted sessions: it takes the broker's own factory, not the caching wrapper.
        ConnectionFactory target = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        return new EventBatchConsumer(target, settlement, metrics, new EventBatchConsumer.Trust(senders, authority, alerts::raise),
                new EventBatchConsumer.Settings(batchSize, batchWait, consumers, applyParts, retryInitial, retryMax, autoStart));
    }
}
