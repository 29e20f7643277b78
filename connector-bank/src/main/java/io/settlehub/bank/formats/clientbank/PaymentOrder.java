package io.settlehub.bank.formats.clientbank;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment order ({@code СекцияДокумент=Платежное поручение}) of the 1C client-bank exchange format, in the fields
 * the hub writes and reads: number and date, amount (roubles, two decimals), payer and payee with account, INN, KPP,
 * bank (name, BIK, correspondent account), the purpose, the priority ({@code Очередность}, 5 for ordinary payments)
 * and, on a statement, the dates the money left ({@code ДатаСписано}) or arrived ({@code ДатаПоступило}).
 */
public record PaymentOrder(String number, LocalDate date, BigDecimal amount, Party payer, Party payee, String purpose, int priority,
                           String paymentKind, LocalDate debitedOn, LocalDate creditedOn) {

    /** One side of the payment. */
    public record Party(String name, String account, String taxId, String kpp, String bankName, String bik, String correspondentAccount) {
    }
}
