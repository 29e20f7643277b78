package io.settlehub.core.alerts;

import io.settlehub.core.alerts.AlertRepository;
import io.settlehub.core.notify.Notifications;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Raises an alert once: recorded, and published on hub.notifications in the same transaction (the caller's, if any). */
@Service
public class AlertPublisher {

    private final AlertRepository alerts;
    private final Notifications notifications;
    private final Clock clock;

    public AlertPublisher(AlertRepository alerts, Notifications notifications, Clock clock) {
        this.alerts = alerts;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Answers whether the alert is new (raised now) rather than raised before. */
    @Transactional
    public boolean raise(Alert alert) {
        if (!alerts.raise(alert, clock.instant())) {
            return false;
        }
        notifications.alert(alert);
        return true;
    }

    /** Raises those of the alerts not raised before, recorded together and published together; answers them. */
    @Transactional
    public List<Alert> raiseAll(List<Alert> found) {
        java.util.Set<String> raised = alerts.raiseAll(found, clock.instant());
        java.util.Map<String, Alert> now = new java.util.LinkedHashMap<>();
        found.stream().filter(alert -> raised.contains(alert.alertId())).forEach(alert -> now.putIfAbsent(alert.alertId(), alert));
        List<Alert> alertsNow = List.copyOf(now.values());
        notifications.alerts(alertsNow);
        return alertsNow;
    }
}
