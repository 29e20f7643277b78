package io.settlehub.bank.route;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.config.BankProperties.BankProfile;
import io.settlehub.bank.inbound.SentInstructions;
import io.settlehub.bank.partner.clientbank.ClientBankFormat;
import io.settlehub.bank.partner.clientbank.PaymentOrder;
import io.settlehub.bank.partner.iso20022.Pain001Schema;
import io.settlehub.bank.partner.iso20022.Pain001Writer;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.InvalidMessageException;
import io.settlehub.contract.PaymentInstruction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns one payment instruction (contract JSON) into the file of the bank that pays it ({@link BankRouter}):
 * a schema-valid pain.001 named after the instruction, or a 1C client-bank file of one payment order numbered in the
 * bank's own sequence. An instruction no bank takes is invalid here: it is dead-lettered naming why.
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

    public PaymentFile build(String instructionJson) {
        return build(instructionJson, null);
    }

    /** {@code excludeBanks}: the banks (comma-separated) that already refused the instruction, when it is re-routed. */
    public PaymentFile build(String instructionJson, String excludeBanks) {
        PaymentInstruction instruction = PaymentInstruction.fromJson(instructionJson);
        Set<String> exclude = excludeBanks == null || excludeBanks.isBlank() ? Set.of() : Set.of(excludeBanks.split(","));
        return build(instruction, exclude);
    }

    /** The file for the first eligible bank not in {@code exclude}. */
    public PaymentFile build(PaymentInstruction instruction, Set<String> exclude) {
        BankProfile to = BankRouter.choose(bank.profiles(), instruction, exclude).orElseThrow(() -> new InvalidMessageException("payee",
                "no configured bank pays " + instruction.amount().currency() + " to " + BankRouter.countryOf(instruction.payee().bankId())
                        + (exclude.isEmpty() ? "" : " besides " + exclude) + " (hub.bank.banks)"));
        if (to.format() == BankProperties.Format.CLIENT_BANK_1C) {
            String number = sent.nextDocumentNumber(to.name());
            PaymentOrder order = new PaymentOrder(number, instruction.requestedExecutionDate(), instruction.amount().amount(),
                    new PaymentOrder.Party(to.debtor().name(), to.debtor().account(), to.debtor().taxId(), to.debtor().kpp(),
                            to.debtor().bankName(), to.debtor().bankId(), to.debtor().correspondentAccount()),
                    new PaymentOrder.Party(instruction.payee().name(), instruction.payee().account(), instruction.payee().taxId(), null, null,
                            instruction.payee().bankId(), null),
                    instruction.purpose(), 5, "электронно", null, null);
            byte[] file = ClientBankFormat.writePaymentOrders("Settlehub", to.debtor().bankName() == null ? to.name() : to.debtor().bankName(),
                    LocalDateTime.now(clock.withZone(BusinessCalendar.ZONE)), to.debtor().account(), List.of(order));
            return new PaymentFile(instruction.instructionId(), instruction.clientId(), to.name(), number, order.date(),
                    "1c_to_kl-" + instruction.instructionId() + ".txt", file);
        }
        String xml = new Pain001Writer(to.debtor()).write(instruction.instructionId(), clock.instant(), List.of(instruction));
        Pain001Schema.validate(xml);
        return new PaymentFile(instruction.instructionId(), instruction.clientId(), to.name(), null, null,
                "pain001-" + instruction.instructionId() + ".xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A file ready to upload to {@code bank}; {@code documentNumber} and {@code documentDate}: its 1C order's (null for ISO 20022). */
    public record PaymentFile(String instructionId, String clientId, String bank, String documentNumber, java.time.LocalDate documentDate,
                              String fileName, byte[] content) {
    }
}
