package io.settlehub.connector.support;

import static org.apache.camel.builder.Builder.body;
import static org.apache.camel.builder.Builder.exchangeProperty;
import static org.apache.camel.builder.Builder.simple;

import io.settlehub.contract.MessageHeaders;
import org.apache.camel.Expression;
import org.apache.camel.model.ProcessorDefinition;

/**
 * The publishing every connector route does with what its feed fetched or its reader mapped (a record with
 * {@code events()} and {@code unmapped()}): each event to hub.events with the contract's headers, each unmapped record
 * to hub.connectors.unmapped with its reason; the result stays the body for the step that records progress. A publish
 * the broker refuses fails the exchange there and then: nothing after it (a watermark, a file's move) happens.
 */
public final class PublishSteps {

    private PublishSteps() {
    }

    public static ProcessorDefinition<?> eventsAndUnmapped(ProcessorDefinition<?> route) {
        return route
                .setProperty("published", body())
                .split(simple("${exchangeProperty.published.events}")).stopOnException()
                    .process(new CanonicalEventMessage())
                    .to(HubEndpoints.EVENTS)
                .end()
                .split(simple("${exchangeProperty.published.unmapped}")).stopOnException()
                    .process(new UnmappedRecordMessage())
                    .to(HubEndpoints.UNMAPPED)
                .end()
                .setBody(exchangeProperty("published"));
    }

    /**
     * A file that could not be read at all: the reason, naming the file, to hub.connectors.unmapped (the file consumer
     * then moves the file to its failed folder), so an operator sees it beside the unmapped records.
     */
    public static ProcessorDefinition<?> unreadableFile(ProcessorDefinition<?> onException, Expression source) {
        return onException
                .setHeader(MessageHeaders.FAILURE_REASON, simple("${exception.message}"))
                .setHeader(MessageHeaders.SOURCE, source)
                .setHeader(MessageHeaders.DUPLICATE_ID, simple("failed:${header.CamelFileAbsolutePath}:${header.CamelFileLastModified}"))
                .setBody(simple("{\"file\": \"${header.CamelFileName}\"}"))
                .to(HubEndpoints.UNMAPPED);
    }
}
