package io.settlehub.core.payout.store;

import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Payment instructions with their status history. */
@Repository
public class PaymentRepository {

    private final JdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    public PaymentRepository(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Published (synchronously, inside the transaction) when an instruction is created or its status changes. */
    public record StatusChanged(String instructionId, String clientId, Money amount, String status, String reason) {
    }

    public void create(PaymentInstruction instruction, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into payment_instruction (instruction_id, client_id, amount, currency, status, body, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", instruction.instructionId(), instruction.clientId(),
                instruction.amount().amount(), instruction.amount().currency(), status, instruction.toJson(), now);
        addHistory(instruction.instructionId(), status, null, null);
        events.publishEvent(new StatusChanged(instruction.instructionId(), instruction.clientId(), instruction.amount(), status, null));
    }

    public void updateStatus(String instructionId, String status, String reason, String eventId) {
        jdbc.update("update payment_instruction set status = ? where instruction_id = ?", status, instructionId);
        addHistory(instructionId, status, reason, eventId);
        find(instructionId).ifPresent(stored -> events.publishEvent(new StatusChanged(instructionId, stored.instruction().clientId(),
                stored.instruction().amount(), status, reason)));
    }

    public void addHistory(String instructionId, String status, String reason, String eventId) {
        jdbc.update("insert into payment_status_history (instruction_id, status, reason, event_id, at) values (?, ?, ?, ?, ?)",
                instructionId, status, reason, eventId, Timestamp.from(Instant.now()));
    }

    public Optional<StoredInstruction> find(String instructionId) {
        return jdbc.query("select body, status from payment_instruction where instruction_id = ?",
                (rs, i) -> new StoredInstruction(PaymentInstruction.fromJson(rs.getString(1)), rs.getString(2)), instructionId)
                .stream().findFirst();
    }

    /** The clients with an instruction created at or after {@code since}. */
    public List<String> clientsWithInstructionsSince(Instant since) {
        return jdbc.queryForList("select distinct client_id from payment_instruction where created_at >= ? order by client_id",
                String.class, java.sql.Timestamp.from(since));
    }

    public List<PaymentView> ofClient(String clientId) {
        return jdbc.query("select instruction_id, amount, currency, status, created_at, body from payment_instruction"
                + " where client_id = ? order by created_at, instruction_id", (rs, i) -> new PaymentView(rs.getString(1),
                Money.rounded(rs.getBigDecimal(2), rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
                history(rs.getString(1)), PaymentInstruction.fromJson(rs.getString(6)).payee()), clientId);
    }

    private List<StatusChange> history(String instructionId) {
        return jdbc.query("select status, reason, at from payment_status_history where instruction_id = ? order by id",
                (rs, i) -> new StatusChange(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), instructionId);
    }

    /** An instruction the bank reported both booked and rejected, in either order. */
    public record Contradiction(String instructionId, String clientId, Money amount, String status) {
    }

    public List<Contradiction> contradictions() {
        return jdbc.query("select p.instruction_id, p.client_id, p.amount, p.currency, p.status from payment_instruction p"
                + " where exists (select 1 from payment_status_history h where h.instruction_id = p.instruction_id and h.status = 'BOOKED')"
                + " and exists (select 1 from payment_status_history h where h.instruction_id = p.instruction_id and h.status = 'REJECTED')"
                + " order by p.created_at, p.instruction_id", (rs, i) -> new Contradiction(rs.getString(1), rs.getString(2),
                Money.rounded(rs.getBigDecimal(3), rs.getString(4)), rs.getString(5)));
    }

    public record StoredInstruction(PaymentInstruction instruction, String status) {
    }

    public record PaymentView(String instructionId, Money amount, String status, Instant createdAt, List<StatusChange> history,
                              PaymentInstruction.Payee payee) {
    }

    public record StatusChange(String status, String reason, Instant at) {
    }
}
