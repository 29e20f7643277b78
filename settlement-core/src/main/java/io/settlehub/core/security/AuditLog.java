package io.settlehub.core.security;

import io.settlehub.core.security.AuditRepository;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Records what an operator did, with who did it (the current caller) and when. */
@Component
public class AuditLog {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository audit;
    private final Clock clock;

    public AuditLog(AuditRepository audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public void record(String action, String target, String detail) {
        String actor = Callers.name();
        audit.add(new AuditRepository.Entry(clock.instant(), actor, action, target, detail));
        // the detail stays in the audit log: it may hold account numbers
        log.info("operator action {} on {} by {}", action, target, actor);
    }
}
