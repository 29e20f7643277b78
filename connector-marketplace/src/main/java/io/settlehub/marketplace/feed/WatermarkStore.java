package io.settlehub.marketplace.feed;

import io.settlehub.connector.support.state.StateFile;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Watermarks as small JSON state files (replaced atomically), so a restart resumes where the last poll committed. */
public class WatermarkStore {

    private final Path directory;

    public WatermarkStore(Path directory) {
        this.directory = directory;
    }

    /** Where the feeds keep their state. */
    public Path directory() {
        return directory;
    }

    public Optional<Watermark> load(String feed, String clientId) {
        return read(feed, clientId).map(node -> new Watermark(LocalDate.parse(node.get("accrualDate").asText()),
                node.path("lastId").asText(""), LocalDate.parse(node.get("payoutsFrom").asText())));
    }

    private Optional<JsonNode> read(String feed, String clientId) {
        return file(feed, clientId).readJson();
    }

    public void save(String feed, String clientId, Watermark watermark) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("accrualDate", watermark.accrualDate().toString());
        body.put("lastId", watermark.lastId());
        body.put("payoutsFrom", watermark.payoutsFrom().toString());
        write(feed, clientId, body);
    }

    private void write(String feed, String clientId, Map<String, String> body) {
        file(feed, clientId).writeJson(body);
    }

    /** The next month a monthly feed handles for the client, if any was committed. */
    public Optional<java.time.YearMonth> loadMonth(String feed, String clientId) {
        return read(feed, clientId).map(node -> java.time.YearMonth.parse(node.get("nextMonth").asText()));
    }

    public void saveMonth(String feed, String clientId, java.time.YearMonth next) {
        write(feed, clientId, Map.of("nextMonth", next.toString()));
    }

    /** The day a date-windowed feed asks from next, if any was committed. */
    public Optional<LocalDate> loadDate(String feed, String clientId) {
        return read(feed, clientId).map(node -> LocalDate.parse(node.get("dateFrom").asText()));
    }

    public void saveDate(String feed, String clientId, LocalDate dateFrom) {
        write(feed, clientId, Map.of("dateFrom", dateFrom.toString()));
    }

    /** The time (in the partner's zone) a modification-windowed feed asks from next, if any was committed. */
    public Optional<java.time.LocalDateTime> loadTime(String feed, String clientId) {
        return read(feed, clientId).map(node -> java.time.LocalDateTime.parse(node.get("since").asText()));
    }

    public void saveTime(String feed, String clientId, java.time.LocalDateTime since) {
        write(feed, clientId, Map.of("since", since.toString()));
    }

    /** Keeps a document the feed received (a monthly report) beside the watermarks. */
    public void keep(String name, String json) {
        StateFile.in(directory, name).writeText(json);
    }

    private StateFile file(String feed, String clientId) {
        return StateFile.in(directory, feed + "-" + clientId + ".json");
    }
}
