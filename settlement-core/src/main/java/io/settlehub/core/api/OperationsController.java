package io.settlehub.core.api;

import io.settlehub.contract.InvalidMessageException;
import io.settlehub.core.ops.BrokerQueueMetrics;
import io.settlehub.core.ops.DeadLetters;
import io.settlehub.core.security.AuditLog;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;

/** For operators (docs/operations.md): queue depths, the dead letters with their reasons, and their replay. */
@RestController
@RequestMapping(path = "/api/operations", produces = MediaType.APPLICATION_JSON_VALUE)
class OperationsController {

    private final DeadLetters deadLetters;
    private final BrokerQueueMetrics queues;
    private final AuditLog audit;
    private final io.settlehub.core.settlement.service.Rebuilds rebuilds;

    OperationsController(DeadLetters deadLetters, BrokerQueueMetrics queues, AuditLog audit, io.settlehub.core.settlement.service.Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.queues = queues;
        this.audit = audit;
    }

    @GetMapping("/queues")
    Map<String, Double> queues() {
        queues.refresh();
        return queues.depths();
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters(@RequestParam String queue, @RequestParam(defaultValue = "50") int limit) throws JMSException {
        return deadLetters.browse(queue, limit(limit));
    }

    /** Moves up to {@code limit} messages of a dead-letter queue back to their queue, once their cause is fixed. */
    @PostMapping("/dead-letters/replay")
    Map<String, Object> replay(@RequestParam String queue, @RequestParam(defaultValue = "100") int limit) throws JMSException {
        int moved = deadLetters.replay(queue, limit(limit));
        audit.record("DEAD_LETTERS_REPLAYED", queue, moved + " message(s)");
        return Map.of("queue", queue, "replayed", moved);
    }

    /**
     * Starts re-deriving every client whole from its facts while ingest and the API keep running; only differences are
     * posted. Answers the rebuild's report (the running one, if one runs already).
     */
    @PostMapping("/rebuild")
    org.springframework.http.ResponseEntity<io.settlehub.core.settlement.service.Rebuilds.Report> rebuild() {
        return org.springframework.http.ResponseEntity.accepted().body(rebuilds.start());
    }

    /** The latest rebuild's report: progress, the clients whose ledger moved and what moved. */
    @GetMapping("/rebuild")
    io.settlehub.core.settlement.service.Rebuilds.Report rebuildReport() {
        io.settlehub.core.settlement.service.Rebuilds.Report report = rebuilds.current();
        if (report == null) {
            throw new NotFound("rebuild (none started since this instance started)");
        }
        return report;
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidMessageException("limit", "must be between 1 and 10000, was " + limit);
        }
        return limit;
    }
}
