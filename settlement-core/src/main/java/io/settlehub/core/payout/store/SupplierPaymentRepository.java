package io.settlehub.core.payout.store;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.SupplierDue.Due;
import io.settlehub.core.settlement.SupplierDue.OrderDue;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What was sent to suppliers for each client's goods, by which orders, and the FX difference once the bank booked it.
 */
@Repository
public class SupplierPaymentRepository {

    private static final String COLUMNS = "s.instruction_id, s.client_id, s.supplier_id, s.amount, s.currency, s.charged, s.charged_currency";

    private final JdbcTemplate jdbc;

    public SupplierPaymentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One supplier payment as recorded. */
    public record SupplierPayment(String instructionId, String clientId, String supplierId, Money amount, Money charged) {
    }

    /** An order's part of a supplier payment and its share of the FX difference (null until known). */
    public record OrderPart(String instructionId, String supplierId, String status, Money owed, Money charged, Money fxDifference,
                            String fxBornBy, LocalDate bookedOn) {
    }

    /** {@code due} is what this payment pays; its orders are each order's change since the earlier payments. */
    public void create(String instructionId, String clientId, String supplierId, Due due) {
        jdbc.update("insert into supplier_payment (instruction_id, client_id, supplier_id, amount, currency, charged, charged_currency)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", instructionId, clientId, supplierId, due.owed().amount(), due.owed().currency(),
                due.charged().amount(), due.charged().currency());
        jdbc.batchUpdate("insert into supplier_payment_order (instruction_id, order_source, order_id, owed, charged) values (?, ?, ?, ?, ?)",
                due.orders(), 500, (ps, order) -> {
                    ps.setString(1, instructionId);
                    ps.setString(2, order.source());
                    ps.setString(3, order.orderId());
                    ps.setBigDecimal(4, order.owed().amount());
                    ps.setBigDecimal(5, order.charged().amount());
                });
    }

    /** What the client's payments to the supplier already cover (sent, accepted or booked; not rejected). */
    public Due covered(String clientId, String supplierId, String currency, String chargedCurrency) {
        List<OrderDue> orders = jdbc.query("select o.order_source, o.order_id, sum(o.owed), sum(o.charged) from supplier_payment_order o"
                        + " join supplier_payment s on s.instruction_id = o.instruction_id"
                        + " join payment_instruction p on p.instruction_id = s.instruction_id"
                        + " where s.client_id = ? and s.supplier_id = ? and p.status <> 'REJECTED' group by o.order_source, o.order_id",
                (rs, i) -> new OrderDue(rs.getString(1), rs.getString(2), Money.rounded(rs.getBigDecimal(3), currency),
                        Money.rounded(rs.getBigDecimal(4), chargedCurrency)), clientId, supplierId);
        return jdbc.query("select coalesce(sum(s.amount), 0), coalesce(sum(s.charged), 0) from supplier_payment s"
                        + " join payment_instruction p on p.instruction_id = s.instruction_id"
                        + " where s.client_id = ? and s.supplier_id = ? and p.status <> 'REJECTED'",
                rs -> {
                    rs.next();
                    return new Due(Money.rounded(rs.getBigDecimal(1), currency), Money.rounded(rs.getBigDecimal(2), chargedCurrency),
                            orders);
                }, clientId, supplierId);
    }

    public Optional<SupplierPayment> find(String instructionId) {
        return jdbc.query("select " + COLUMNS + " from supplier_payment s where s.instruction_id = ?",
                (rs, i) -> payment(rs), instructionId).stream().findFirst();
    }

    /** A booked payment priced by the rate of its booking date, and the FX difference recorded so far (null: none yet). */
    public record PricedByRate(SupplierPayment payment, LocalDate bookedOn, BigDecimal fxDifference) {
    }

    /** Booked payments the bank reported no debited amount for, booked on or after the date. */
    public List<PricedByRate> pricedByRateBookedSince(LocalDate since) {
        return jdbc.query("select " + COLUMNS + ", s.booked_on, s.fx_difference from supplier_payment s"
                        + " where s.booked_on >= ? and s.debited is null order by s.instruction_id",
                (rs, i) -> new PricedByRate(payment(rs), rs.getDate(8).toLocalDate(), rs.getBigDecimal(9)), Date.valueOf(since));
    }

    /** {@code debited}: what the bank reports it debited, null when it did not say. */
    public void recordBooked(String instructionId, LocalDate bookedOn, Money debited) {
        jdbc.update("update supplier_payment set booked_on = ?, debited = ? where instruction_id = ?", Date.valueOf(bookedOn),
                debited == null ? null : debited.amount(), instructionId);
    }

    /** The payment's FX difference, and each order's share of it. */
    public void recordFxDifference(String instructionId, BigDecimal difference, String bornBy, Map<String, BigDecimal> byOrderKey) {
        jdbc.update("update supplier_payment set fx_difference = ?, fx_born_by = ? where instruction_id = ?", difference, bornBy,
                instructionId);
        byOrderKey.forEach((key, share) -> {
            int slash = key.indexOf('/');
            jdbc.update("update supplier_payment_order set fx_difference = ? where instruction_id = ? and order_source = ? and order_id = ?",
                    share, instructionId, key.substring(0, slash), key.substring(slash + 1));
        });
    }

    /** Each order's part of the payment ("source/orderId" → charged), in the payment's order. */
    public Map<String, BigDecimal> chargedByOrder(String instructionId) {
        Map<String, BigDecimal> charged = new java.util.LinkedHashMap<>();
        jdbc.query("select order_source, order_id, charged from supplier_payment_order where instruction_id = ?"
                + " order by order_source, order_id", rs -> {
                    charged.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
                }, instructionId);
        return charged;
    }

    /** The supplier payments that paid for one of the client's orders. */
    public List<OrderPart> partsOf(String clientId, String source, String orderId) {
        return jdbc.query("select s.instruction_id, s.supplier_id, p.status, o.owed, s.currency, o.charged, s.charged_currency,"
                        + " o.fx_difference, s.fx_born_by, s.booked_on from supplier_payment_order o"
                        + " join supplier_payment s on s.instruction_id = o.instruction_id"
                        + " join payment_instruction p on p.instruction_id = s.instruction_id"
                        + " where s.client_id = ? and o.order_source = ? and o.order_id = ? order by p.created_at, s.instruction_id",
                (rs, i) -> new OrderPart(rs.getString(1), rs.getString(2), rs.getString(3),
                        Money.rounded(rs.getBigDecimal(4), rs.getString(5)), Money.rounded(rs.getBigDecimal(6), rs.getString(7)),
                        rs.getBigDecimal(8) == null ? null : Money.rounded(rs.getBigDecimal(8), rs.getString(7)), rs.getString(9),
                        rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate()),
                clientId, source, orderId);
    }

    private static SupplierPayment payment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SupplierPayment(rs.getString(1), rs.getString(2), rs.getString(3),
                Money.rounded(rs.getBigDecimal(4), rs.getString(5)), Money.rounded(rs.getBigDecimal(6), rs.getString(7)));
    }
}
