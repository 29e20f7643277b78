package io.settlehub.accounting.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.settlehub.accounting.config.OneCProperties;
import io.settlehub.accounting.push.DocumentPusher;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.connector.support.PartnerUnavailableException;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.MessageHeaders;
import java.util.Properties;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The accounting-exports route's branches with the broker replaced (AdviceWith, MockEndpoint) and 1C behind a mocked
 * pusher: a document is pushed once; one 1C refuses, or that is not a document, is dead-lettered at once with the
 * reason; 1C away is retried, then dead-lettered.
 */
class AccountingExportsRouteBranchesTest {

    private final DocumentPusher pusher = mock(DocumentPusher.class);
    private DefaultCamelContext camel;

    private MockEndpoint start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new MockComponent());
        Properties properties = new Properties();
        properties.put("hub.onec.max-redeliveries", "2");
        properties.put("hub.onec.redelivery-delay", "1");
        properties.put("hub.onec.max-redelivery-delay", "5");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new AccountingExportsRoute(new OneCProperties("odata", null, null, null, null, null), pusher));
        AdviceWith.adviceWith(camel, "accounting-exports", route -> route.replaceFromWith("direct:documents"));
        camel.start();
        return camel.getEndpoint("jms:queue:" + Addresses.ACCOUNTING_EXPORTS_DLQ, MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private void send(String json) {
        camel.createProducerTemplate().sendBody("direct:documents", json);
    }

    private static String reasonOf(MockEndpoint dlq, int i) {
        return dlq.getReceivedExchanges().get(i).getMessage().getHeader(MessageHeaders.FAILURE_REASON, String.class);
    }

    @Test
    void a_document_is_pushed_once_and_nothing_is_dead_lettered() throws Exception {
        MockEndpoint dlq = start();
        doReturn("guid-1").when(pusher).push("{\"documentId\": \"payout:1\"}");

        send("{\"documentId\": \"payout:1\"}");

        verify(pusher, times(1)).push(anyString());
        assertThat(dlq.getReceivedCounter()).isZero();
    }

    @Test
    void what_1c_refuses_and_what_is_no_document_are_dead_lettered_at_once_with_the_reason() throws Exception {
        MockEndpoint dlq = start();
        doThrow(new PartnerRejectedException("1C: the counterparty is marked for deletion")).when(pusher).push("{\"refused\": 1}");
        doThrow(new InvalidMessageException("documentId", "is required")).when(pusher).push("{}");

        send("{\"refused\": 1}");
        send("{}");

        verify(pusher, times(2)).push(anyString());
        assertThat(reasonOf(dlq, 0)).contains("marked for deletion");
        assertThat(reasonOf(dlq, 1)).contains("documentId");
    }

    @Test
    void onec_away_is_retried_then_dead_lettered() throws Exception {
        MockEndpoint dlq = start();
        doThrow(new PartnerUnavailableException("1C: 503")).when(pusher).push(anyString());

        send("{\"documentId\": \"payout:2\"}");

        verify(pusher, times(3)).push(anyString());
        assertThat(reasonOf(dlq, 0)).isEqualTo("1C unavailable after retries: 1C: 503");
    }
}
