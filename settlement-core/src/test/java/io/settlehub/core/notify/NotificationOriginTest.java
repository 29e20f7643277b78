package io.settlehub.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.core.messaging.MessageSenders;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsBinding;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class NotificationOriginTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final NotificationOrigin origin = new NotificationOrigin(new MessageSenders("settlement-core"), registry);

    Exchange notificationFrom(String validatedUser, String claimedOriginalSender) throws Exception {
        jakarta.jms.Message jms = mock(jakarta.jms.Message.class);
        when(jms.getStringProperty(MessageHeaders.VALIDATED_USER)).thenReturn(validatedUser);
        when(jms.getStringProperty(MessageHeaders.ORIGINAL_SENDER)).thenReturn(claimedOriginalSender);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setIn(new JmsMessage(exchange, jms, null, new JmsBinding()));
        return exchange;
    }

    @Test
    void only_what_settlement_core_published_goes_on_to_a_webhook_or_a_browser() throws Exception {
        assertThat(origin.matches(notificationFrom("settlement-core", null))).isTrue();
        assertThat(origin.matches(notificationFrom("connector-marketplace", null))).isFalse();
        assertThat(origin.matches(notificationFrom("connector-marketplace", "settlement-core"))).as("a claimed sender counts for nothing")
                .isFalse();
        assertThat(origin.matches(notificationFrom(null, null))).as("no sender the broker vouches for").isFalse();
        assertThat(registry.counter("hub.notifications.refused").count()).isEqualTo(3.0);
    }
}
