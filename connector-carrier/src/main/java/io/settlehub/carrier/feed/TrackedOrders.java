package io.settlehub.carrier.feed;

import io.settlehub.connector.support.state.StateFile;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CDEK orders each client's feed follows (learnt from webhooks), and what cost was published for each: a small
 * JSON file per client, replaced atomically, so a restart resumes following the same orders. A file that cannot be read
 * is moved aside and logged, never a reason to stop the feed.
 */
public class TrackedOrders {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrackedOrders.class);

    /** One followed order: the total published so far (null: none), its revision, whether it is settled for good. */
    public record Tracked(BigDecimal published, int revision, boolean done) {
    }

    private final Path directory;

    public TrackedOrders(Path directory) {
        this.directory = directory;
    }

    public synchronized void follow(String clientId, String uuid) {
        Map<String, Tracked> orders = load(clientId);
        if (!orders.containsKey(uuid)) {
            orders.put(uuid, new Tracked(null, 0, false));
            save(clientId, orders);
        }
    }

    public synchronized List<String> open(String clientId) {
        List<String> open = new ArrayList<>();
        load(clientId).forEach((uuid, tracked) -> {
            if (!tracked.done()) {
                open.add(uuid);
            }
        });
        return open;
    }

    public synchronized Tracked get(String clientId, String uuid) {
        return load(clientId).getOrDefault(uuid, new Tracked(null, 0, false));
    }

    public synchronized void record(String clientId, String uuid, Tracked tracked) {
        Map<String, Tracked> orders = load(clientId);
        orders.put(uuid, tracked);
        save(clientId, orders);
    }

    private Map<String, Tracked> load(String clientId) {
        StateFile file = file(clientId);
        try {
            return new TreeMap<>(file.readJson(new TypeReference<Map<String, Tracked>>() { }).orElse(Map.of()));
        } catch (StateFile.UnreadableStateException e) {
            // a file that cannot be read must not stop the feed: it is kept aside for a person, and the orders are
            // followed again as CDEK's next webhooks name them
            Path aside = file.setAside();
            log.error("the CDEK orders of {} could not be read ({}); the file is kept as {} and the feed goes on without it",
                    clientId, e.getMessage(), aside);
            return new TreeMap<>();
        }
    }

    private void save(String clientId, Map<String, Tracked> orders) {
        file(clientId).writeJson(orders);
    }

    private StateFile file(String clientId) {
        return StateFile.in(directory, "cdek-orders-" + clientId + ".json");
    }
}
