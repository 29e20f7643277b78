package io.settlehub.carrier.feed;

import io.settlehub.carrier.mapping.CustomsDeclarationMapper;
import io.settlehub.carrier.partner.customs.DeclarationFileReader;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.contract.CanonicalEvent;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A declaration file of one client's customs broker → its CUSTOMS_ASSESSED events, counted per client. */
public class CustomsFiles {

    public static final String FEED = "customs";
    private static final Logger log = LoggerFactory.getLogger(CustomsFiles.class);

    private final FeedMetrics metrics;

    public CustomsFiles(FeedMetrics metrics) {
        this.metrics = metrics;
    }

    public List<CanonicalEvent> read(String clientId, String fileName, InputStream content) {
        if (clientId == null || !clientId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new PartnerFormatException(fileName + ": its folder '" + clientId + "' is not a client id");
        }
        List<CanonicalEvent> events = DeclarationFileReader.read(fileName, content).stream()
                .map(d -> CustomsDeclarationMapper.map(clientId, d)).toList();
        metrics.polled(FEED, clientId, events.size(), 0, events.stream().map(CanonicalEvent::occurredAt).max(Instant::compareTo)
                .orElse(Instant.now()));
        log.info("customs {}: {} → {} declaration(s)", clientId, fileName, events.size());
        return events;
    }

    public void failed(String clientId, String fileName, Exception cause) {
        metrics.failed(FEED, clientId == null ? "unknown" : clientId, cause);
        log.warn("customs {}: {} not read: {}", clientId, fileName, cause.getMessage());
    }
}
