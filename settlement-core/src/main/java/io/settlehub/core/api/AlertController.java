package io.settlehub.core.api;

import io.settlehub.contract.InvalidMessageException;
import io.settlehub.core.alerts.Alert;
import io.settlehub.core.alerts.AlertRepository;
import io.settlehub.core.alerts.AlertScan;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;

/** Alerts: every one for operators, a client's own for the client; a scan on demand. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class AlertController {

    private final AlertRepository alerts;
    private final AlertScan scan;

    AlertController(AlertRepository alerts, AlertScan scan) {
        this.alerts = alerts;
        this.scan = scan;
    }

    @GetMapping("/api/alerts")
    List<AlertRepository.Raised> all(@RequestParam(defaultValue = "100") int limit) {
        return alerts.latest(limit(limit));
    }

    @GetMapping("/api/clients/{clientId}/alerts")
    List<AlertRepository.Raised> ofClient(@PathVariable String clientId, @RequestParam(defaultValue = "100") int limit) {
        return alerts.ofClient(clientId, limit(limit));
    }

    /** Runs the rules now (they also run every {@code hub.alerts.interval}); answers what was newly raised. */
    @PostMapping("/api/alerts/scan")
    List<Alert> scanNow() {
        return scan.scan();
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidMessageException("limit", "must be between 1 and 1000, was " + limit);
        }
        return limit;
    }
}
