package io.settlehub.carrier.route;

import io.settlehub.carrier.feed.CustomsFiles;
import io.settlehub.connector.support.CanonicalEventMessage;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.FileInbox;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The customs broker's declaration files: {@code <root>/<clientId>/*.csv|*.xml}, each declaration published as
 * CUSTOMS_ASSESSED, then the file moves to {@code <root>/.done/} (its name prefixed with the time). A file that cannot
 * be read moves to {@code <root>/.failed/} once the reason (file, line, field) is published on hub.connectors.unmapped;
 * nothing of it is published. With the broker down a file stays where it is and is read again ({@link FileInbox}).
 */
@Component
public class CustomsDeclarationRoute extends RouteBuilder {

    public static final String ROUTE_ID = "carrier-customs-declarations";

    private static final FileInbox INBOX = new FileInbox(".done", ".failed");

    private final CustomsFiles files;

    public CustomsDeclarationRoute(CustomsFiles files) {
        this.files = files;
    }

    @Override
    public void configure() {
        INBOX.setsAside(this, PartnerFormatException.class, exchange -> files.failed(exchange.getProperty("clientId", String.class),
                exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class), exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)),
                constant("customs"));

        INBOX.reads(from("file:{{hub.customs.root}}?recursive=true&minDepth=2&maxDepth=2&include=.*\\.(csv|CSV|xml|XML)"
                + "&readLock=changed&readLockMinAge={{hub.customs.read-lock-min-age:1000}}" + FileInbox.moveOption("${exchangeProperty.clientId}-${file:onlyname}"))
                .routeId(ROUTE_ID))
                .process(exchange -> exchange.setProperty("clientId", java.nio.file.Path.of(
                        exchange.getMessage().getHeader("CamelFileParent", String.class)).getFileName().toString()))
                .process(exchange -> exchange.getMessage().setBody(files.read(exchange.getProperty("clientId", String.class),
                        exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class), exchange.getMessage().getBody(java.io.InputStream.class))))
                .split(body())
                    .process(new CanonicalEventMessage())
                    .to(HubEndpoints.EVENTS)
                .end();
    }
}
