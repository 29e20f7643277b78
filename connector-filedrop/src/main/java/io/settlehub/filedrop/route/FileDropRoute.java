package io.settlehub.filedrop.route;

import io.settlehub.connector.support.FileInbox;
import io.settlehub.connector.support.PublishSteps;
import io.settlehub.filedrop.config.FileDropProperties;
import io.settlehub.filedrop.config.FileDropProperties.Platform;
import io.settlehub.filedrop.mapping.ReportMapping;
import io.settlehub.filedrop.report.ReportFormatException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per configured platform ({@code filedrop-<platform>}): a report that appears whole in the platform's
 * folder ({@code .csv} or {@code .xlsx}; uploads arrive as {@code .part} and are renamed when complete) is mapped, its
 * events published to hub.events and the rows that did not fit to hub.connectors.unmapped; then the file moves to
 * {@code .done/}. A report that cannot be read moves to {@code .failed/} once the reason is published on
 * hub.connectors.unmapped with the file's name — nothing of it is published, nothing is lost. With the broker down a
 * report stays where it is and is read again ({@link FileInbox}).
 */
@Component
public class FileDropRoute extends RouteBuilder {

    public static final String ROUTE_PREFIX = "filedrop-";
    private static final FileInbox INBOX = new FileInbox(".done", ".failed");

    private final FileDropProperties properties;
    private final ReportMapping mapping;

    public FileDropRoute(FileDropProperties properties, ReportMapping mapping) {
        this.properties = properties;
        this.mapping = mapping;
    }

    @Override
    public void configure() {
        INBOX.setsAside(this, ReportFormatException.class, exchange -> mapping.failed(exchange.getProperty("platform", String.class),
                exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class), exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)),
                exchangeProperty("platform"));

        for (Platform platform : properties.platforms()) {
            String folder = properties.folder(platform).toAbsolutePath().toString();
            PublishSteps.eventsAndUnmapped(INBOX.reads(from("file:" + folder + "?include=.*\\.(csv|CSV|xlsx|XLSX)&readLock=changed&readLockMinAge=1000"
                    + FileInbox.moveOption("${file:name}"))
                    .routeId(ROUTE_PREFIX + platform.name()))
                    .setProperty("platform", constant(platform.name()))
                    .process(exchange -> exchange.getMessage().setBody(mapping.map(exchange.getProperty("platform", String.class),
                            exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class), exchange.getMessage().getBody(InputStream.class)))))
                    .process(exchange -> mapping.published(exchange.getMessage().getBody(ReportMapping.Mapped.class)));
        }
    }
}
