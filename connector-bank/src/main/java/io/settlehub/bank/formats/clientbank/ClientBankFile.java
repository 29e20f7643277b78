package io.settlehub.bank.formats.clientbank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A {@code 1CClientBankExchange} file (format 1.01 to 1.03): the header ({@code ВерсияФормата}, {@code Кодировка}, sender,
 * receiver, dates, accounts), the account sections of a statement ({@code СекцияРасчСчет}: balances and turnovers)
 * and the documents.
 */
public record ClientBankFile(Map<String, String> header, List<AccountSection> accounts, List<PaymentOrder> documents) {

    /** {@code ВерсияФормата}: 1.01, 1.02 or 1.03. */
    public String version() {
        return header.get("ВерсияФормата");
    }

    /** {@code СекцияРасчСчет}: one account's period, opening and closing balance, money in and out. */
    public record AccountSection(String account, LocalDate from, LocalDate to, BigDecimal opening, BigDecimal received, BigDecimal debited,
                                 BigDecimal closing) {
    }
}
