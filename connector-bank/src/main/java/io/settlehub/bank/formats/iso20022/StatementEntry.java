package io.settlehub.bank.formats.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked entry of a bank statement, in the fields the hub uses: which statement and account, the entry's own
 * reference, amount and currency, debit or credit, booking date, and from the transaction details the end-to-end id
 * (our instruction id on a debit), the counterparty's name and tax id, and the remittance text.
 */
public record StatementEntry(String statementId, String account, String entryRef, BigDecimal amount, String currency, boolean credit,
                             String status, LocalDate bookedOn, String endToEndId, String counterpartyName, String counterpartyTaxId,
                             String remittance) {
}
