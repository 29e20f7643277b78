package io.settlehub.core.payout;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.core.ingest.PaymentStatusHandler;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.settlement.Agreement;
import io.settlehub.core.settlement.AgreementJson;
import io.settlehub.core.settlement.SettlementPostings;
import io.settlehub.core.store.ClientRepository;
import io.settlehub.core.store.LedgerRepository;
import io.settlehub.core.store.OutboxRepository;
import io.settlehub.core.store.OutboxRepository.OutboxMessage;
import io.settlehub.core.store.PaymentRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payout run: for each client whose {@code available} reaches the agreed minimum, one payment instruction
 * for all of it. The amount moves to {@code inFlight} and the instruction enters the outbox in the same
 * transaction, so it is published exactly when the ledger says it exists.
 */
@Service
public class PayoutService {

    private final ClientRepository clients;
    private final LedgerRepository ledger;
    private final PaymentRepository payments;
    private final OutboxRepository outbox;
    private final Clock clock;

    public PayoutService(ClientRepository clients, LedgerRepository ledger, PaymentRepository payments, OutboxRepository outbox,
                         Clock clock) {
        this.clients = clients;
        this.ledger = ledger;
        this.payments = payments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public List<PaymentInstruction> run() {
        List<PaymentInstruction> created = new ArrayList<>();
        for (String clientId : clients.clientsWithAgreement()) {
            Agreement agreement = AgreementJson.read(clientId, clients.agreementJson(clientId).orElseThrow());
            clients.lock(List.of(clientId));
            AccountKey available = AccountKey.client(clientId, SettlementPostings.AVAILABLE, agreement.payoutCurrency());
            Money amount = new Money(ledger.creditBalance(available), agreement.payoutCurrency());
            if (amount.signum() <= 0 || amount.compareTo(agreement.minimumPayout()) < 0 || agreement.bankAccount() == null) {
                continue;
            }
            PaymentInstruction instruction = new PaymentInstruction(newInstructionId(), clientId, payee(agreement), amount,
                    "Payout of marketplace sales to " + agreement.name(), LocalDate.now(clock.withZone(io.settlehub.contract.BusinessCalendar.ZONE)));
            ledger.post(List.of(new Transfer(available,
                    AccountKey.client(clientId, SettlementPostings.IN_FLIGHT, amount.currency()), amount, clientId,
                    "payment/" + instruction.instructionId(), instruction.instructionId())));
            payments.create(instruction, PaymentStatusHandler.IN_FLIGHT);
            outbox.add(OutboxMessage.of(Addresses.PAYMENT_INSTRUCTIONS, instruction.instructionId(), clientId,
                    "PaymentInstruction", instruction.toJson()));
            created.add(instruction);
        }
        return created;
    }

    private static PaymentInstruction.Payee payee(Agreement agreement) {
        Agreement.BankAccount account = agreement.bankAccount();
        return new PaymentInstruction.Payee(account.holder(), account.account(), account.bankId(), account.taxId());
    }

    /** 34 characters: fits ISO 20022's Max35Text end-to-end id. */
    private static String newInstructionId() {
        return "SH" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
