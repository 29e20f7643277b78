package io.settlehub.core.store;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.SupplierDue.Due;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What was sent to suppliers for each client's goods, and the FX difference once the bank booked it. */
@Repository
public class SupplierPaymentRepository {

    private final JdbcTemplate jdbc;

    public SupplierPaymentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One supplier payment as recorded. */
    public record SupplierPayment(String instructionId, String clientId, String supplierId, Money amount, Money charged) {
    }

    public void create(String instructionId, String clientId, String supplierId, Due due) {
        jdbc.update("insert into supplier_payment (instruction_id, client_id, supplier_id, amount, currency, charged, charged_currency)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", instructionId, clientId, supplierId, due.owed().amount(), due.owed().currency(),
                due.charged().amount(), due.charged().currency());
    }

    /** What the client's payments to the supplier already cover (sent, accepted or booked; not rejected). */
    public Due covered(String clientId, String supplierId, String currency, String chargedCurrency) {
        return jdbc.query("select coalesce(sum(s.amount), 0), coalesce(sum(s.charged), 0) from supplier_payment s"
                        + " join payment_instruction p on p.instruction_id = s.instruction_id"
                        + " where s.client_id = ? and s.supplier_id = ? and p.status <> 'REJECTED'",
                rs -> {
                    rs.next();
                    return new Due(Money.rounded(rs.getBigDecimal(1), currency), Money.rounded(rs.getBigDecimal(2), chargedCurrency));
                }, clientId, supplierId);
    }

    public Optional<SupplierPayment> find(String instructionId) {
        return jdbc.query("select instruction_id, client_id, supplier_id, amount, currency, charged, charged_currency"
                        + " from supplier_payment where instruction_id = ?",
                (rs, i) -> new SupplierPayment(rs.getString(1), rs.getString(2), rs.getString(3),
                        Money.rounded(rs.getBigDecimal(4), rs.getString(5)), Money.rounded(rs.getBigDecimal(6), rs.getString(7))),
                instructionId).stream().findFirst();
    }

    public void recordFxDifference(String instructionId, BigDecimal difference) {
        jdbc.update("update supplier_payment set fx_difference = ? where instruction_id = ?", difference, instructionId);
    }
}
