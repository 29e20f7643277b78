package io.settlehub.filedrop.route;

import io.settlehub.connector.support.CanonicalEventMessage;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.connector.support.UnmappedRecordMessage;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.filedrop.config.FileDropProperties;
import io.settlehub.filedrop.config.FileDropProperties.Platform;
import io.settlehub.filedrop.mapping.ReportMapping;
import io.settlehub.filedrop.report.ReportFormatException;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per configured platform ({@code filedrop-<platform>}): a report that appears whole in the platform's
 * folder ({@code .csv} or {@code .xlsx}; uploads arrive as {@code .part} and are renamed when complete) is mapped, its
 * events published to hub.events and the rows that did not fit to hub.connectors.unmapped; then the file moves to
 * {@code .done/}. A report that cannot be read moves to {@code .failed/} and the reason is published on
 * hub.connectors.unmapped with the file's name — nothing of it is published, nothing is lost.
 */
@Component
public class FileDropRoute extends RouteBuilder {

    public static final String ROUTE_PREFIX = "filedrop-";

    private final FileDropProperties properties;

    public FileDropRoute(FileDropProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        onException(ReportFormatException.class)
                .handled(false)
                .bean(ReportMapping.class, "failed(${exchangeProperty.platform}, ${header.CamelFileName}, ${exception})")
                .setHeader(MessageHeaders.FAILURE_REASON, simple("${exception.message}"))
                .setHeader(MessageHeaders.SOURCE, exchangeProperty("platform"))
                .setHeader(MessageHeaders.DUPLICATE_ID, simple("${exchangeProperty.platform}:failed:${header.CamelFileName}:${header.CamelFileLastModified}"))
                .setBody(simple("{\"file\": \"${header.CamelFileName}\", \"platform\": \"${exchangeProperty.platform}\"}"))
                .to(HubEndpoints.UNMAPPED);

        for (Platform platform : properties.platforms()) {
            String folder = properties.folder(platform).toAbsolutePath().toString();
            from("file:" + folder + "?include=.*\\.(csv|CSV|xlsx|XLSX)&readLock=changed&readLockMinAge=1000"
                    + "&move=.done/${date:now:yyyyMMdd-HHmmss}-${file:name}&moveFailed=.failed/${date:now:yyyyMMdd-HHmmss}-${file:name}")
                    .routeId(ROUTE_PREFIX + platform.name())
                    .setProperty("platform", constant(platform.name()))
                    .bean(ReportMapping.class, "map(${exchangeProperty.platform}, ${header.CamelFileName}, ${body})")
                    .setProperty("mapped", body())
                    .split(simple("${body.events}"))
                        .process(new CanonicalEventMessage())
                        .to(HubEndpoints.EVENTS)
                    .end()
                    .split(simple("${exchangeProperty.mapped.unmapped}"))
                        .process(new UnmappedRecordMessage())
                        .to(HubEndpoints.UNMAPPED)
                    .end()
                    .setBody(exchangeProperty("mapped"))
                    .bean(ReportMapping.class, "published");
        }
    }
}
