package io.settlehub.bank.route;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.partner.iso20022.Pain001Schema;
import io.settlehub.bank.partner.iso20022.Pain001Writer;
import io.settlehub.contract.PaymentInstruction;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns one payment instruction (contract JSON) into a schema-valid pain.001 file named after it. */
@Component
public class PaymentFileBuilder {

    private final Pain001Writer writer;
    private final Clock clock;

    public PaymentFileBuilder(BankProperties bank, Clock clock) {
        this.writer = new Pain001Writer(bank.debtor());
        this.clock = clock;
    }

    public PaymentFile build(String instructionJson) {
        PaymentInstruction instruction = PaymentInstruction.fromJson(instructionJson);
        String xml = writer.write(instruction.instructionId(), clock.instant(), List.of(instruction));
        Pain001Schema.validate(xml);
        return new PaymentFile(instruction.instructionId(), instruction.clientId(), "pain001-" + instruction.instructionId() + ".xml", xml);
    }

    /** A file ready to upload. */
    public record PaymentFile(String instructionId, String clientId, String fileName, String xml) {
    }
}
