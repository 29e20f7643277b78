package io.settlehub.accounting.mapping;

import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.JsonFields;
import java.time.LocalDate;

/**
 * The header of an accounting document from {@code hub.accounting.exports}, read and checked; {@code fields} keeps the
 * whole document for the mapping of its type.
 */
public record HubDocument(String documentId, int version, String type, String clientId, String period, LocalDate documentDate,
                          String currency, JsonFields fields) {

    public static HubDocument parse(String json) {
        JsonFields d = JsonFields.parse(json);
        String type = d.text("type");
        if (!type.equals("AGENT_REPORT") && !type.equals("PAYOUT") && !type.equals("SUPPLIER_PAYMENT")) {
            throw new InvalidMessageException("type", "must be AGENT_REPORT, PAYOUT or SUPPLIER_PAYMENT, was '" + type + "'");
        }
        return new HubDocument(d.text("documentId"), d.positiveInt("version"), type, d.text("clientId"), d.text("period"),
                d.date("documentDate"), d.currency("currency"), d);
    }
}
