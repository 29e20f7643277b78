package io.settlehub.bank.route;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * With {@code hub.bank.signing-key} set, every event this connector publishes to hub.events carries its signature of the
 * body ({@link MessageHeaders#SIGNATURE}): settlement-core takes the bank's word (payment statuses, credits, rates) from
 * the signature when a peer broker of a cluster delivered the message under the cluster's user (decision 0015). A route
 * configuration, so it covers every route of the connector, those the connector kit declares included.
 */
@Component
@ConditionalOnExpression("!'${hub.bank.signing-key:}'.isBlank()")
public class SignedEvents extends RouteConfigurationBuilder {

    private final MessageSignatures.Signer signer;

    public SignedEvents(@Value("${hub.bank.signing-key}") String signingKey) {
        this.signer = MessageSignatures.signer(signingKey, "hub.bank.signing-key");
    }

    @Override
    public void configuration() {
        routeConfiguration().interceptSendToEndpoint("jms:queue:" + Addresses.EVENTS + "*")
                .process(exchange -> exchange.getMessage().setHeader(MessageHeaders.SIGNATURE,
                        signer.sign(exchange.getMessage().getBody(String.class))));
    }
}
