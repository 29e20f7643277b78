package io.settlehub.bank.outbound;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.config.BankProperties.BankProfile;
import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.bank.formats.clientbank.ClientBankFormat;
import io.settlehub.bank.formats.clientbank.PaymentOrder;
import io.settlehub.bank.formats.iso20022.Pain001RussianWriter;
import io.settlehub.bank.formats.iso20022.Pain001Schema;
import io.settlehub.bank.formats.iso20022.Pain001Writer;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.PaymentInstruction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Chooses the bank that pays an instruction ({@link BankRouter}) and writes payment files in that bank's format: a
 * schema-valid pain.001 (one transaction per instruction), or a 1C client-bank file (one payment order per
 * instruction, numbered in the bank's own sequence). An instruction no bank takes is invalid here: it is
 * dead-lettered naming why.
 */
@Component
public class PaymentFileBuilder {

    private final BankProperties bank;
    private final SentInstructions sent;
    private final Clock clock;

    public PaymentFileBuilder(BankProperties bank, SentInstructions sent, Clock clock) {
        this.bank = bank;
        this.sent = sent;
        this.clock = clock;
    }

    /** An instruction and the bank that pays it. */
    public record Routed(PaymentInstruction instruction, String json, BankProfile bank) {

        public String instructionId() {
            return instruction.instructionId();
        }

        public String clientId() {
            return instruction.clientId();
        }

        public String bankName() {
            return bank.name();
        }

        public boolean batched() {
            return bank.batched();
        }
    }

    /** {@code excludeBanks}: the banks (comma-separated) that already refused the instruction, when it is re-routed. */
    public Routed route(String instructionJson, String excludeBanks) {
        PaymentInstruction instruction = PaymentInstruction.fromJson(instructionJson);
        Set<String> exclude = excludeBanks == null || excludeBanks.isBlank() ? Set.of() : Set.of(excludeBanks.split(","));
        BankProfile to = BankRouter.choose(bank.profiles(), instruction, exclude).orElseThrow(() -> new InvalidMessageException("payee",
                "no configured bank pays " + instruction.amount().currency() + " to " + BankRouter.countryOf(instruction.payee().bankId())
                        + (exclude.isEmpty() ? "" : " besides " + exclude) + " (hub.bank.banks)"));
        return new Routed(instruction, instructionJson, to);
    }

    /** The file of one routed instruction, named after it. */
    public PaymentFile single(Routed routed) {
        return file(routed.bank(), routed.instructionId(), List.of(routed.instruction()));
    }

    /** One file for all the instructions, identified by {@code fileId} (the pain.001 message id). */
    public PaymentFile file(BankProfile to, String fileId, List<PaymentInstruction> instructions) {
        if (to.format() == BankProperties.Format.CLIENT_BANK_1C) {
            List<PaymentOrder> orders = new ArrayList<>();
            Map<String, Document> documents = new LinkedHashMap<>();
            for (PaymentInstruction instruction : instructions) {
                String number = sent.nextDocumentNumber(to.name());
                PaymentOrder order = new PaymentOrder(number, instruction.requestedExecutionDate(), instruction.amount().amount(),
                        new PaymentOrder.Party(to.debtor().name(), to.debtor().account(), to.debtor().taxId(), to.debtor().kpp(),
                                to.debtor().bankName(), to.debtor().bankId(), to.debtor().correspondentAccount()),
                        payee(instruction.payee()),
                        io.settlehub.bank.formats.iso20022.Pain001Writer.remittance(instruction), 5, "электронно", null, null);
                orders.add(order);
                documents.put(instruction.instructionId(), new Document(number, order.date()));
            }
            byte[] content = ClientBankFormat.writePaymentOrders("Settlehub", to.debtor().bankName() == null ? to.name() : to.debtor().bankName(),
                    LocalDateTime.now(clock.withZone(BusinessCalendar.ZONE)), to.debtor().account(), orders);
            return new PaymentFile(to.name(), to.filePrefix() + fileId + ".txt", content, instructions, documents);
        }
        if (to.format() == BankProperties.Format.ISO20022_RU_H2H) {
            return russianHostToHost(to, fileId, instructions);
        }
        String xml = new Pain001Writer(to.debtor()).write(fileId, clock.instant(), instructions);
        Pain001Schema.validate(xml);
        return new PaymentFile(to.name(), to.filePrefix() + fileId + ".xml", xml.getBytes(StandardCharsets.UTF_8), instructions, Map.of());
    }

    private static PaymentOrder.Party payee(PaymentInstruction.Payee payee) {
        return new PaymentOrder.Party(payee.name(), payee.account(), payee.taxId(), payee.kpp(), payee.bankName(), payee.bankId(),
                payee.correspondentAccount());
    }

    /** The highest payment order number a Russian bank's host-to-host channel takes: an integer of up to 6 digits. */
    static final long HIGHEST_HOST_TO_HOST_NUMBER = 999_999;

    /** Rouble payment orders in pain.001.001.06, each numbered in the bank's own sequence, dated its execution date. */
    private PaymentFile russianHostToHost(BankProfile to, String fileId, List<PaymentInstruction> instructions) {
        List<Pain001RussianWriter.Order> orders = new ArrayList<>();
        Map<String, Document> documents = new LinkedHashMap<>();
        for (PaymentInstruction instruction : instructions) {
            String number = sent.nextDocumentNumber(to.name(), HIGHEST_HOST_TO_HOST_NUMBER);
            orders.add(new Pain001RussianWriter.Order(instruction, number, instruction.requestedExecutionDate()));
            documents.put(instruction.instructionId(), new Document(number, instruction.requestedExecutionDate()));
        }
        String xml = new Pain001RussianWriter(to.debtor()).write(fileId, clock.instant(), orders);
        Pain001Schema.validateV06(xml);
        return new PaymentFile(to.name(), to.filePrefix() + fileId + ".xml", xml.getBytes(StandardCharsets.UTF_8), instructions, documents);
    }

    /** A payment order's number and date (1C, host-to-host), by which the bank's answers name it. */
    public record Document(String number, LocalDate date) {
    }

    /** A file ready to upload to {@code bank}, the instructions in it and, for 1C, each one's document. */
    public record PaymentFile(String bank, String fileName, byte[] content, List<PaymentInstruction> instructions,
                              Map<String, Document> documents) {

        public Document documentOf(String instructionId) {
            return documents.get(instructionId);
        }

        /** Records, for each instruction in the file, that it went to this bank (and under which 1C document). */
        public void recordIn(SentInstructions sent) {
            for (PaymentInstruction instruction : instructions) {
                Document document = documents.get(instruction.instructionId());
                sent.keep(instruction.instructionId(), instruction.toJson());
                sent.sent(instruction.instructionId(), instruction.clientId(), bank, document == null ? null : document.number(),
                        document == null ? null : document.date());
            }
        }
    }
}
