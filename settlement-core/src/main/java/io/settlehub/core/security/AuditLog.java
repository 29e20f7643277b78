package io.settlehub.core.security;

import io.settlehub.core.store.AuditRepository;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Records what an operator did, with who did it (the current caller) and when. */
@Component
public class AuditLog {

    private final AuditRepository audit;
    private final Clock clock;

    public AuditLog(AuditRepository audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public void record(String action, String target, String detail) {
        audit.add(new AuditRepository.Entry(clock.instant(), Callers.name(), action, target, detail));
    }
}
