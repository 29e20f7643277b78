package io.settlehub.bank.inbound;

import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
import io.settlehub.bank.formats.iso20022.StatementEntry;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.BankCredit;
import io.settlehub.contract.EventPayload.PaymentStatus;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import java.time.Instant;
import java.util.List;

/**
 * A booked statement entry of the hub's account → a canonical event: a debit naming one of our instructions (its
 * end-to-end id: the instruction id, or the payment order number it went under) is that instruction's {@code PAYMENT_STATUS BOOKED} with the amount actually debited; a credit whose
 * payer (and purpose) a rule ties to a client is that client's {@code BANK_CREDIT}. Anything else is kept on
 * hub.connectors.unmapped with the entry attached, for an operator. An entry that is not of the hub's account, or
 * whose amount the currency cannot hold, fails the whole statement.
 */
public final class StatementMapper {

    public static final String SOURCE = "bank";

    private StatementMapper() {
    }

    public static MappingResult map(StatementEntry entry, BankProperties bank, SentInstructions sent, String file) {
        var ofAccount = bank.bankOfAccount(entry.account());
        if (ofAccount.isEmpty()) {
            throw new InvalidStatementException(file + ": statement " + entry.statementId() + " is for account " + entry.account()
                    + ", which is none of the hub's accounts " + bank.profiles().stream().map(b -> b.debtor().account()).toList());
        }
        if (!"BOOK".equals(entry.status())) {
            return MappingResult.of(List.of());
        }
        Money amount;
        try {
            amount = new Money(entry.amount(), entry.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidStatementException(file + ": entry " + entry.entryRef() + " of statement " + entry.statementId() + ": "
                    + e.getMessage());
        }
        Instant bookedAt = (entry.bookedOn() == null ? java.time.LocalDate.now(BusinessCalendar.ZONE) : entry.bookedOn())
                .atStartOfDay(BusinessCalendar.ZONE).toInstant();
        String id = SOURCE + ":" + entry.statementId() + ":" + entry.entryRef();
        if (!entry.credit()) {
            String instructionId = sent.instructionNamed(ofAccount.get().name(), entry.endToEndId()).orElse(null);
            var client = sent.clientOf(instructionId);
            if (client.isEmpty()) {
                return unmapped(entry, id, "debit " + amount + " (entry " + entry.entryRef() + ") "
                        + (entry.endToEndId() == null ? "has no EndToEndId" : "names EndToEndId " + entry.endToEndId())
                        + ", which matches no instruction this connector sent");
            }
            return MappingResult.of(List.of(new CanonicalEvent(SOURCE + ":" + instructionId + ":BOOKED", EventType.PAYMENT_STATUS,
                    EventCodec.SCHEMA_VERSION, SOURCE, client.get(), bookedAt,
                    new PaymentStatus(instructionId, "BOOKED", null, bookedAt, amount))));
        }
        String client = bank.clientOfCredit(entry.counterpartyTaxId(), entry.remittance());
        if (client == null) {
            return unmapped(entry, id, "credit " + amount + " (entry " + entry.entryRef() + ") from " + entry.counterpartyName() + " ("
                    + entry.counterpartyTaxId() + ") matches no credit rule (hub.bank.credit-rules)");
        }
        return MappingResult.of(List.of(new CanonicalEvent(id, EventType.BANK_CREDIT, EventCodec.SCHEMA_VERSION, SOURCE, client, bookedAt,
                new BankCredit(entry.statementId(), entry.entryRef(), amount, entry.counterpartyTaxId(),
                        entry.counterpartyName() == null ? "" : entry.counterpartyName(), entry.remittance() == null ? "" : entry.remittance(),
                        bookedAt))));
    }

    private static MappingResult unmapped(StatementEntry entry, String id, String reason) {
        return MappingResult.unmapped(new UnmappedRecord(SOURCE, null, id, reason, PartnerJson.write(entry)));
    }
}
