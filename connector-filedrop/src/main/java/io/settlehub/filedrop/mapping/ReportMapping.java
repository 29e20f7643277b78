package io.settlehub.filedrop.mapping;

import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.filedrop.config.FileDropProperties;
import io.settlehub.filedrop.config.FileDropProperties.Platform;
import io.settlehub.filedrop.report.ReportReader;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A whole dropped report of one platform → its events and the rows that did not fit, counted per platform. */
public class ReportMapping {

    private static final Logger log = LoggerFactory.getLogger(ReportMapping.class);
    private static final List<String> FIELDS = List.of("row-id", "operation", "occurred-at", "order-id", "sku", "quantity", "amount", "fee",
            "payout-id");

    private final FileDropProperties properties;
    private final FeedMetrics metrics;

    public ReportMapping(FileDropProperties properties, FeedMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
    }

    /** What one report became. */
    public record Mapped(String platform, String clientId, String fileName, List<CanonicalEvent> events, List<UnmappedRecord> unmapped) {
    }

    public Mapped map(String platformName, String fileName, InputStream content) {
        Platform platform = properties.platform(platformName);
        List<String> required = FIELDS.stream().map(platform::column).filter(Objects::nonNull).toList();
        List<CanonicalEvent> events = new ArrayList<>();
        List<UnmappedRecord> unmapped = new ArrayList<>();
        ReportReader.read(fileName, content, platform.delimiter(), Charset.forName(platform.charset()), required, row -> {
            MappingResult result = ReportRowMapper.map(platform, fileName, row);
            events.addAll(result.events());
            unmapped.addAll(result.unmapped());
        });
        return new Mapped(platform.name(), platform.clientId(), fileName, events, unmapped);
    }

    /** After the route published everything of the report. */
    public void published(Mapped mapped) {
        Instant latest = mapped.events().stream().map(CanonicalEvent::occurredAt).max(Instant::compareTo).orElse(Instant.now());
        metrics.polled(mapped.platform(), mapped.clientId(), mapped.events().size(), mapped.unmapped().size(), latest);
        log.info("{} {}: report {} → {} event(s), {} row(s) unmapped", mapped.platform(), mapped.clientId(), mapped.fileName(),
                mapped.events().size(), mapped.unmapped().size());
    }

    /** A report that could not be read at all: counted, and kept in the platform's failed folder by the route. */
    public void failed(String platformName, String fileName, Exception cause) {
        Platform platform = properties.platform(platformName);
        String kind = metrics.failed(platform.name(), platform.clientId(), cause);
        log.warn("{} {}: report {} not read ({}): {}", platform.name(), platform.clientId(), fileName, kind, cause.getMessage());
    }
}
