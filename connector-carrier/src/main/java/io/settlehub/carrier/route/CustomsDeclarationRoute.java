package io.settlehub.carrier.route;

import io.settlehub.carrier.feed.CustomsFiles;
import io.settlehub.connector.support.CanonicalEventMessage;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.PublishSteps;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The customs broker's declaration files: {@code <root>/<clientId>/*.csv|*.xml}, each declaration published as
 * CUSTOMS_ASSESSED, then the file moves to {@code <root>/.done/} (its name prefixed with the time). A file that cannot
 * be read moves to {@code <root>/.failed/} and the reason (file, line, field) is published on hub.connectors.unmapped;
 * nothing of it is published.
 */
@Component
public class CustomsDeclarationRoute extends RouteBuilder {

    public static final String ROUTE_ID = "carrier-customs-declarations";

    private final CustomsFiles files;

    public CustomsDeclarationRoute(CustomsFiles files) {
        this.files = files;
    }

    @Override
    public void configure() {
        PublishSteps.unreadableFile(onException(PartnerFormatException.class)
                .handled(false)
                .process(exchange -> files.failed(exchange.getProperty("clientId", String.class), exchange.getMessage().getHeader(org.apache.camel.Exchange.FILE_NAME, String.class),
                        exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class))),
                constant("customs"));

        from("file:{{hub.customs.root}}?recursive=true&minDepth=2&maxDepth=2&include=.*\\.(csv|CSV|xml|XML)"
                + "&readLock=changed&readLockMinAge=1000&move=.done/${date:now:yyyyMMdd-HHmmss}-${exchangeProperty.clientId}-${file:onlyname}"
                + "&moveFailed=.failed/${date:now:yyyyMMdd-HHmmss}-${exchangeProperty.clientId}-${file:onlyname}")
                .routeId(ROUTE_ID)
                .process(exchange -> exchange.setProperty("clientId", java.nio.file.Path.of(
                        exchange.getMessage().getHeader("CamelFileParent", String.class)).getFileName().toString()))
                .process(exchange -> exchange.getMessage().setBody(files.read(exchange.getProperty("clientId", String.class),
                        exchange.getMessage().getHeader(org.apache.camel.Exchange.FILE_NAME, String.class), exchange.getMessage().getBody(java.io.InputStream.class))))
                .split(body())
                    .process(new CanonicalEventMessage())
                    .to(HubEndpoints.EVENTS)
                .end();
    }
}
