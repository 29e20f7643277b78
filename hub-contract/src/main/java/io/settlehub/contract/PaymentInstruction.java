package io.settlehub.contract;

import java.time.LocalDate;

/**
 * A payment the hub asks a bank to make ({@code hub.payments.instructions}). {@code instructionId} is also
 * the end-to-end id that comes back on the bank statement.
 */
public record PaymentInstruction(
        String instructionId,
        String clientId,
        Payee payee,
        Money amount,
        String purpose,
        LocalDate requestedExecutionDate) {

    /** The party paid: its name, account, bank identifier (BIC/BIK) and tax id where the country needs one. */
    public record Payee(String name, String account, String bankId, String taxId) {
    }

    public String toJson() {
        return EventCodec.write(this);
    }

    public static PaymentInstruction fromJson(String json) {
        JsonFields p = JsonFields.parse(json);
        JsonFields payee = p.object("payee");
        Money amount = p.money("amount");
        if (amount.signum() <= 0) {
            throw new InvalidMessageException("amount", "must be positive, was " + amount);
        }
        return new PaymentInstruction(p.text("instructionId"), p.text("clientId"),
                new Payee(payee.text("name"), payee.text("account"), payee.text("bankId"), payee.optionalText("taxId")),
                amount, p.text("purpose"), p.date("requestedExecutionDate"));
    }
}
