package io.settlehub.bank.inbound;

import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.bank.formats.iso20022.Pain002Reader.TransactionStatus;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.contract.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A status the bank reports for one of our instructions → its {@code PAYMENT_STATUS}: accepted (technically, for
 * settlement, or settled: {@code ACCEPTED}; the statement's debit books it with the amount) or rejected
 * ({@code REJECTED} with "code: text"). Received and pending statuses change nothing; a status for no instruction of
 * ours waits for an operator.
 */
public final class StatusReportMapper {

    private static final Set<String> ACCEPTED = Set.of("ACTC", "ACCP", "ACSP", "ACWC", "ACCC", "ACSC", "ACWP");
    private static final Set<String> NOTHING_YET = Set.of("RCVD", "PDNG", "PART");

    private StatusReportMapper() {
    }

    /**
     * Our instruction a status is of: its original end-to-end id when that is one of our instruction ids (the generic
     * profile), else the original InstrId the report repeats (the host-to-host profile numbers its orders).
     */
    static String instructionOf(TransactionStatus report, SentInstructions sent) {
        if (report.instructionId() == null || sent.clientOf(report.endToEndId()).isPresent()) {
            return report.endToEndId();
        }
        return report.instructionId();
    }

    /** A rejection the connector answers by sending the instruction through another bank: accepted, the reason kept. */
    public static MappingResult rerouted(TransactionStatus report, String reason, SentInstructions sent, Instant at) {
        String instructionId = instructionOf(report, sent);
        String client = sent.clientOf(instructionId).orElseThrow();
        return MappingResult.of(List.of(new CanonicalEvent(StatementMapper.SOURCE + ":" + instructionId + ":REROUTED", EventType.PAYMENT_STATUS,
                EventCodec.SCHEMA_VERSION, StatementMapper.SOURCE, client, at, new PaymentStatus(instructionId, "ACCEPTED", reason, null, null))));
    }

    public static MappingResult map(TransactionStatus report, SentInstructions sent, Instant at) {
        String instructionId = instructionOf(report, sent);
        String id = StatementMapper.SOURCE + ":" + instructionId + ":" + report.status();
        var client = sent.clientOf(instructionId);
        if (client.isEmpty()) {
            return MappingResult.unmapped(new UnmappedRecord(StatementMapper.SOURCE, null, id, "status " + report.status() + " of report "
                    + report.reportId() + " names " + report.endToEndId() + ", which matches no instruction this connector sent",
                    PartnerJson.write(report)));
        }
        if (report.status() == null || NOTHING_YET.contains(report.status())) {
            return MappingResult.of(List.of());
        }
        String status;
        String reason = null;
        if (ACCEPTED.contains(report.status())) {
            status = "ACCEPTED";
        } else if ("RJCT".equals(report.status())) {
            status = "REJECTED";
            reason = (report.reasonCode() == null ? "RJCT" : report.reasonCode()) + (report.reasonText() == null ? "" : ": " + report.reasonText());
        } else {
            return MappingResult.unmapped(new UnmappedRecord(StatementMapper.SOURCE, client.get(), id, "status " + report.status() + " of report "
                    + report.reportId() + " is none the hub knows", PartnerJson.write(report)));
        }
        return MappingResult.of(List.of(new CanonicalEvent(id, EventType.PAYMENT_STATUS, EventCodec.SCHEMA_VERSION, StatementMapper.SOURCE,
                client.get(), at, new PaymentStatus(instructionId, status, reason, null, null))));
    }
}
