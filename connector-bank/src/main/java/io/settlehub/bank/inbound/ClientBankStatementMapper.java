package io.settlehub.bank.inbound;

import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.config.BankProperties.BankProfile;
import io.settlehub.bank.formats.clientbank.ClientBankFile;
import io.settlehub.bank.formats.clientbank.PaymentOrder;
import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A 1C client-bank statement of one of the hub's accounts → events: an outgoing payment order ({@code ДатаСписано})
 * that is one of ours — found by the bank, its number and date — is that instruction's {@code PAYMENT_STATUS BOOKED};
 * an incoming one ({@code ДатаПоступило}) whose payer a credit rule names is that client's {@code BANK_CREDIT}; the
 * rest waits for an operator. A statement of no account of the hub's fails the file.
 */
public final class ClientBankStatementMapper {

    private ClientBankStatementMapper() {
    }

    public static MappingResult map(ClientBankFile file, String fileName, BankProperties bank, SentInstructions sent) {
        if (file.accounts().isEmpty()) {
            throw new InvalidStatementException(fileName + ": a statement without СекцияРасчСчет");
        }
        String account = file.accounts().get(0).account();
        BankProfile of = bank.bankOfAccount(account).orElseThrow(() -> new InvalidStatementException(fileName + ": the statement is for account "
                + account + ", which is none of the hub's accounts " + bank.profiles().stream().map(b -> b.debtor().account()).toList()));
        String statementId = "1c:" + account + ":" + file.accounts().get(0).from() + ":" + file.accounts().get(0).to();
        List<CanonicalEvent> events = new ArrayList<>();
        List<UnmappedRecord> unmapped = new ArrayList<>();
        for (PaymentOrder order : file.documents()) {
            String reference = order.number() + "/" + order.date();
            Money amount = new Money(order.amount(), "RUB");
            if (order.debitedOn() != null && account.equals(order.payer().account())) {
                Instant at = order.debitedOn().atStartOfDay(BusinessCalendar.ZONE).toInstant();
                var instruction = sent.instructionOfDocument(of.name(), order.number(), order.date());
                var client = instruction.flatMap(sent::clientOf);
                if (client.isEmpty()) {
                    unmapped.add(new UnmappedRecord(StatementMapper.SOURCE, null, StatementMapper.SOURCE + ":" + statementId + ":" + reference,
                            "outgoing payment order " + reference + " of " + amount + " is none this connector sent to " + of.name(),
                            PartnerJson.write(order)));
                    continue;
                }
                events.add(new CanonicalEvent(StatementMapper.SOURCE + ":" + instruction.get() + ":BOOKED", EventType.PAYMENT_STATUS,
                        EventCodec.SCHEMA_VERSION, StatementMapper.SOURCE, client.get(), at,
                        new PaymentStatus(instruction.get(), "BOOKED", null, at, amount)));
            } else if (order.creditedOn() != null && account.equals(order.payee().account())) {
                Instant at = order.creditedOn().atStartOfDay(BusinessCalendar.ZONE).toInstant();
                String client = bank.clientOfCredit(order.payer().taxId(), order.purpose());
                String id = StatementMapper.SOURCE + ":" + statementId + ":" + reference;
                if (client == null) {
                    unmapped.add(new UnmappedRecord(StatementMapper.SOURCE, null, id, "credit " + amount + " (payment order " + reference + ") from "
                            + order.payer().name() + " (" + order.payer().taxId() + ") matches no credit rule (hub.bank.credit-rules)",
                            PartnerJson.write(order)));
                    continue;
                }
                events.add(new CanonicalEvent(id, EventType.BANK_CREDIT, EventCodec.SCHEMA_VERSION, StatementMapper.SOURCE, client, at,
                        new BankCredit(statementId, reference, amount, order.payer().taxId(), order.payer().name(), order.purpose(), at)));
            } else {
                unmapped.add(new UnmappedRecord(StatementMapper.SOURCE, null, StatementMapper.SOURCE + ":" + statementId + ":" + reference,
                        "payment order " + reference + " is neither debited from nor credited to " + account, PartnerJson.write(order)));
            }
        }
        return new MappingResult(events, unmapped);
    }
}
