package io.settlehub.accounting.route;

import io.settlehub.accounting.config.OneCProperties;
import io.settlehub.accounting.mapping.ExchangeXml;
import io.settlehub.accounting.mapping.HubDocument;
import io.settlehub.accounting.push.DocumentPusher;
import io.settlehub.connector.support.FileTransferUris;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.contract.Addresses;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.MessageHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;

/**
 * hub.accounting.exports → the client's 1C: over OData (created or updated by the document's id, then posted), or as an
 * XML file in the exchange folder ({@code hub.onec.mode: files}; the endpoint may be {@code file:} or {@code sftp:}). The
 * JMS session is transacted: a document is acknowledged once 1C holds it. While 1C is down the document is retried with
 * exponential backoff (long enough for an hour's outage with the defaults) and then dead-lettered; a document 1C refuses,
 * or one that is malformed, goes to {@code DLQ.hub.accounting.exports} at once with 1C's error text as the reason.
 */
@Component
public class AccountingExportsRoute extends RouteBuilder {

    private final OneCProperties onec;

    private final DocumentPusher pusher;

    public AccountingExportsRoute(OneCProperties onec, DocumentPusher pusher) {
        this.onec = onec;
        this.pusher = pusher;
    }

    @Override
    public void configure() {
        String deadLetters = "jms:queue:" + Addresses.ACCOUNTING_EXPORTS_DLQ;

        onException(InvalidMessageException.class, PartnerRejectedException.class)
                .handled(true)
                .setHeader(MessageHeaders.FAILURE_REASON, simple("${exception.message}"))
                .log(LoggingLevel.WARN, "dead-lettering accounting document: ${header." + MessageHeaders.FAILURE_REASON + "}")
                .to(deadLetters);

        onException(Exception.class)
                .maximumRedeliveries("{{hub.onec.max-redeliveries}}")
                .redeliveryDelay("{{hub.onec.redelivery-delay}}")
                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay("{{hub.onec.max-redelivery-delay}}")
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .setHeader(MessageHeaders.FAILURE_REASON, simple("1C unavailable after retries: ${exception.message}"))
                .to(deadLetters);

        RouteDefinition route = from("jms:queue:" + Addresses.ACCOUNTING_EXPORTS + "?transacted=true&concurrentConsumers=1")
                .routeId("accounting-exports")
                .convertBodyTo(String.class);
        if (onec.filesMode()) {
            String exchangeUri = FileTransferUris.requireSecure("hub.onec.exchange-uri (HUB_ONEC_EXCHANGE_URI)",
                    getContext().resolvePropertyPlaceholders("{{hub.onec.exchange-uri}}"));
            route.process(exchange -> {
                        String json = exchange.getMessage().getBody(String.class);
                        exchange.getMessage().setHeader(Exchange.FILE_NAME, ExchangeXml.fileName(HubDocument.parse(json)));
                        exchange.getMessage().setBody(ExchangeXml.render(json));
                    })
                    .to(exchangeUri)
                    .log("wrote ${header.CamelFileName} for 1C");
        } else {
            route.process(exchange -> exchange.getMessage().setBody(pusher.push(exchange.getMessage().getBody(String.class))));
        }
    }
}
