package io.settlehub.contract;

import java.time.LocalDate;

/**
 * A payment the hub asks a bank to make ({@code hub.payments.instructions}). {@code instructionId} is also
 * the end-to-end id that comes back on the bank statement. {@code foreignTrade} (optional) carries what Russian banks'
 * currency control asks of a payment abroad.
 */
public record PaymentInstruction(
        String instructionId,
        String clientId,
        Payee payee,
        Money amount,
        String purpose,
        LocalDate requestedExecutionDate,
        ForeignTrade foreignTrade) {

    public PaymentInstruction(String instructionId, String clientId, Payee payee, Money amount, String purpose,
                              LocalDate requestedExecutionDate) {
        this(instructionId, clientId, payee, amount, purpose, requestedExecutionDate, null);
    }

    /**
     * A payment under a foreign trade contract: the contract's number and date, its registration number at the bank
     * (УНК), the currency operation code (код вида валютной операции, 5 digits), the payee's country and its bank's
     * local clearing code (CNAPS for China), where known.
     */
    public record ForeignTrade(String contractNumber, LocalDate contractDate, String registeredContractNumber, String currencyOperationCode,
                               String payeeCountry, String localBankCode) {
    }

    /**
     * The party paid: its name, account, bank identifier (BIC/BIK) and tax id where the country needs one; for a payee
     * in Russia also its KPP (код причины постановки на учёт) and its bank's name and correspondent account, as the
     * central bank's BIK directory gives them, which a Russian payment order must carry. Those three may be null.
     */
    public record Payee(String name, String account, String bankId, String taxId, String kpp, String bankName,
                        String correspondentAccount) {

        public Payee(String name, String account, String bankId, String taxId) {
            this(name, account, bankId, taxId, null, null, null);
        }
    }

    /** The longest instruction id: ISO 20022's end-to-end id (Max35Text), which it is. */
    public static final int MAX_ID = 35;

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
        ForeignTrade trade = null;
        if (p.has("foreignTrade")) {
            JsonFields t = p.object("foreignTrade");
            String code = t.optionalText("currencyOperationCode");
            if (code != null && !code.matches("\\d{5}")) {
                throw new InvalidMessageException("foreignTrade.currencyOperationCode", "must be 5 digits, was '" + code + "'");
            }
            trade = new ForeignTrade(t.text("contractNumber"), t.has("contractDate") ? t.date("contractDate") : null,
                    t.optionalText("registeredContractNumber"), code, t.optionalText("payeeCountry"), t.optionalText("localBankCode"));
        }
        return new PaymentInstruction(p.text("instructionId", MAX_ID), p.id("clientId"),
                new Payee(payee.text("name"), payee.id("account"), payee.id("bankId"), payee.optionalId("taxId"), payee.optionalId("kpp"),
                        payee.has("bankName") ? payee.text("bankName", 160) : null, payee.optionalId("correspondentAccount")),
                amount, p.text("purpose"), p.date("requestedExecutionDate"), trade);
    }
}
