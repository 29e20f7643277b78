package io.settlehub.core.payout.service;

import io.settlehub.contract.Addresses;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.JsonFields;
import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import io.settlehub.core.banks.BankDirectory;
import io.settlehub.core.banks.BankDirectoryRepository;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.outbox.OutboxRepository;
import io.settlehub.core.outbox.OutboxRepository.OutboxMessage;
import io.settlehub.core.payout.PaymentPurpose;
import io.settlehub.core.payout.PayoutRules;
import io.settlehub.core.payout.service.PaymentStatusHandler;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.payout.store.SupplierPaymentRepository;
import io.settlehub.core.settlement.Agreement;
import io.settlehub.core.settlement.AgreementJson;
import io.settlehub.core.settlement.SupplierDue.Due;
import io.settlehub.core.settlement.store.ClientRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payout run: for each client whose {@code available} reaches the agreed minimum, one payment instruction
 * for all of it; and for each of the client's suppliers, in the supplier's currency, one instruction for the goods of
 * the orders the marketplace has paid in full that no earlier payment covers. The amount moves to {@code inFlight} and the instruction enters the outbox in the same
 * transaction, so it is published exactly when the ledger says it exists.
 */
@Service
public class PayoutService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PayoutService.class);

    private final ClientRepository clients;
    private final LedgerRepository ledger;
    private final PaymentRepository payments;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final io.settlehub.core.settlement.store.SupplierDueRepository supplierDues;
    private final SupplierPaymentRepository supplierPayments;
    private final BankDirectoryRepository bankDirectory;

    public PayoutService(ClientRepository clients, LedgerRepository ledger, PaymentRepository payments, OutboxRepository outbox,
                         Clock clock, io.settlehub.core.settlement.store.SupplierDueRepository supplierDues, SupplierPaymentRepository supplierPayments,
                         BankDirectoryRepository bankDirectory) {
        this.bankDirectory = bankDirectory;
        this.supplierDues = supplierDues;
        this.supplierPayments = supplierPayments;
        this.clients = clients;
        this.ledger = ledger;
        this.payments = payments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public List<PaymentInstruction> run() {
        List<PaymentInstruction> created = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        for (String clientId : clients.clientsWithAgreement()) {
            Agreement agreement = AgreementJson.read(clientId, clients.agreementJson(clientId).orElseThrow());
            clients.lock(List.of(clientId));
            payClient(agreement, today).ifPresent(created::add);
            created.addAll(paySuppliers(agreement, supplierDues.of(clientId), today));
        }
        return created;
    }

    /** The client's whole {@code available}, once it reaches the agreed minimum. */
    private Optional<PaymentInstruction> payClient(Agreement agreement, LocalDate today) {
        String clientId = agreement.clientId();
        AccountKey available = AccountKey.client(clientId, Bucket.AVAILABLE, agreement.payoutCurrency());
        Optional<Money> payout = PayoutRules.clientPayout(new Money(ledger.creditBalance(available), agreement.payoutCurrency()),
                agreement.minimumPayout(), agreement.bankAccount() != null);
        if (payout.isEmpty()) {
            return Optional.empty();
        }
        Money amount = payout.get();
        Optional<PaymentInstruction.Payee> payee = payee(agreement);
        if (payee.isEmpty()) {
            return Optional.empty();
        }
        PaymentInstruction instruction = new PaymentInstruction(newInstructionId(), clientId, payee.get(), amount,
                PaymentPurpose.clientPayout(agreement, amount), today);
        send(instruction, available, AccountKey.client(clientId, Bucket.IN_FLIGHT, amount.currency()), amount);
        return Optional.of(instruction);
    }

    /**
     * The client's account; at a Russian bank with the bank's name and correspondent account from the BIK directory in
     * force. A BIK the directory no longer lists as open (closed since the agreement was saved) pays nothing: the money
     * stays available and the operator is told.
     */
    private Optional<PaymentInstruction.Payee> payee(Agreement agreement) {
        Agreement.BankAccount account = agreement.bankAccount();
        if (!account.russian()) {
            return Optional.of(new PaymentInstruction.Payee(account.holder(), account.account(), account.bankId(), account.taxId()));
        }
        Optional<BankDirectory.Entry> bank = bankDirectory.find(account.bankId()).filter(BankDirectory.Entry::open);
        if (bank.isEmpty()) {
            log.warn("client {} is not paid: its bank's BIK {} is not open in the central bank's directory in force; update the agreement",
                    agreement.clientId(), account.bankId());
            return Optional.empty();
        }
        return Optional.of(new PaymentInstruction.Payee(account.holder(), account.account(), account.bankId(), account.taxId(),
                account.kpp(), bank.get().name(), bank.get().correspondentAccount()));
    }

    /** Each supplier, in its currency, for the goods of the client's fully paid orders not yet covered by a payment. */
    private List<PaymentInstruction> paySuppliers(Agreement agreement, Map<String, Due> dueBySupplier, LocalDate today) {
        List<PaymentInstruction> created = new ArrayList<>();
        for (Map.Entry<String, Due> entry : dueBySupplier.entrySet()) {
            String supplierId = entry.getKey();
            Due due = entry.getValue();
            Due covered = supplierPayments.covered(agreement.clientId(), supplierId, due.owed().currency(), due.charged().currency());
            Optional<Due> payment = PayoutRules.supplierPayment(due, covered);
            if (payment.isEmpty()) {
                continue;
            }
            Money owed = payment.get().owed();
            Money charged = payment.get().charged();
            Optional<JsonFields> supplier = clients.supplierJson(supplierId).map(JsonFields::parse);
            if (supplier.isEmpty()) {
                log.warn("supplier {} is owed {} for client {} but has no bank details (PUT /api/suppliers/{})", supplierId,
                        owed, agreement.clientId(), supplierId);
                continue;
            }
            JsonFields bank = supplier.get().object("bankAccount");
            PaymentInstruction instruction = new PaymentInstruction(newInstructionId(), agreement.clientId(),
                    new PaymentInstruction.Payee(bank.text("holder"), bank.text("account"), bank.text("bankId"), null), owed,
                    "Payment for goods supplied to " + agreement.name(), today, foreignTrade(supplier.get(), bank));
            send(instruction, AccountKey.supplier(supplierId, charged.currency()),
                    AccountKey.supplierInFlight(supplierId, charged.currency()), charged);
            supplierPayments.create(instruction.instructionId(), agreement.clientId(), supplierId, payment.get());
            created.add(instruction);
        }
        return created;
    }

    /** The instruction, its ledger movement and its outbox message, all in the caller's transaction. */
    private void send(PaymentInstruction instruction, AccountKey from, AccountKey to, Money moved) {
        if (moved.signum() > 0) {
            ledger.post(List.of(new Transfer(from, to, moved, instruction.clientId(), "payment/" + instruction.instructionId(),
                    instruction.instructionId())));
        }
        payments.create(instruction, PaymentStatusHandler.IN_FLIGHT);
        outbox.add(OutboxMessage.of(Addresses.PAYMENT_INSTRUCTIONS, instruction.instructionId(), instruction.clientId(),
                "PaymentInstruction", instruction.toJson()));
    }

    /** The supplier's contract for currency control, when the supplier has one on file. */
    private static PaymentInstruction.ForeignTrade foreignTrade(JsonFields supplier, JsonFields bank) {
        if (!supplier.has("contract")) {
            return null;
        }
        JsonFields contract = supplier.object("contract");
        return new PaymentInstruction.ForeignTrade(contract.text("number"), contract.has("date") ? contract.date("date") : null,
                contract.optionalText("registeredNumber"), contract.optionalText("currencyOperationCode"), bank.optionalText("country"),
                bank.optionalText("localBankCode"));
    }

    /** 34 characters: fits ISO 20022's Max35Text end-to-end id. */
    private static String newInstructionId() {
        return "SH" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
