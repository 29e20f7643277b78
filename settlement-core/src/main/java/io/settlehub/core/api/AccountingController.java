package io.settlehub.core.api;

import io.settlehub.contract.EventCodec;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.core.accounting.AccountingClose;
import io.settlehub.core.accounting.AccountingDocumentRepository;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;

/** Closing accounting periods on demand, and the documents issued so far. */
@RestController
@RequestMapping(path = "/api/accounting", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountingController {

    private final AccountingClose accounting;
    private final AccountingDocumentRepository documents;

    private final io.settlehub.core.security.AuditLog audit;

    AccountingController(AccountingClose accounting, AccountingDocumentRepository documents, io.settlehub.core.security.AuditLog audit) {
        this.accounting = accounting;
        this.documents = documents;
        this.audit = audit;
    }

    /** Issues what changed since the last close of the period: {@code {"period", "issued": [{documentId, version, ...}]}}. */
    @PostMapping("/close")
    String close(@RequestParam String period) {
        YearMonth month = period(period);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("period", month.toString());
        var issued = accounting.close(month);
        audit.record("PERIOD_CLOSED", month.toString(), issued.size() + " document(s) issued");
        answer.put("issued", issued);
        return EventCodec.write(answer);
    }

    @GetMapping("/documents")
    String list(@RequestParam String clientId) {
        io.settlehub.core.security.Callers.requireClient(clientId);
        return EventCodec.write(documents.ofClient(clientId));
    }

    @GetMapping("/documents/{documentId}/versions/{version}")
    String document(@PathVariable String documentId, @PathVariable int version) {
        // another client's document answers as if it did not exist
        return documents.clientOf(documentId).filter(client -> io.settlehub.core.security.Callers.current().mayAccess(client))
                .flatMap(client -> documents.body(documentId, version))
                .orElseThrow(() -> new NotFound("document " + documentId + " version " + version));
    }

    private static YearMonth period(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("period", "must be a month as YYYY-MM, was '" + text + "'");
        }
    }
}
