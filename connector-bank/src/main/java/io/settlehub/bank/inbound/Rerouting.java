package io.settlehub.bank.inbound;

import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.formats.iso20022.Pain002Reader.TransactionStatus;
import io.settlehub.bank.outbound.BankRouter;
import io.settlehub.contract.PaymentInstruction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a bank's rejection sends the instruction through the next eligible bank instead: only for a reason another
 * bank may not have (not supporting the currency or the corridor: {@code hub.bank.reroute-reasons}), only once, and
 * only when another bank takes the instruction.
 */
public final class Rerouting {

    private Rerouting() {
    }

    /** The instruction to send again, the banks it must not go to, and the one it will. */
    public record Reroute(String instructionId, String instructionJson, List<String> excludeBanks, String nextBank, String reason) {

        public String excluded() {
            return String.join(",", excludeBanks);
        }
    }

    public static Optional<Reroute> decide(TransactionStatus status, BankProperties bank, SentInstructions sent) {
        if (!"RJCT".equals(status.status()) || status.reasonCode() == null || !bank.rerouteReasons().contains(status.reasonCode())) {
            return Optional.empty();
        }
        String instructionId = StatusReportMapper.instructionOf(status, sent);
        List<String> tried = sent.banksTried(instructionId);
        Optional<String> json = sent.kept(instructionId);
        if (tried.size() != 1 || json.isEmpty()) {
            return Optional.empty();
        }
        PaymentInstruction instruction = PaymentInstruction.fromJson(json.get());
        return BankRouter.choose(bank.profiles(), instruction, Set.copyOf(tried)).map(next -> new Reroute(instruction.instructionId(),
                json.get(), tried, next.name(), "re-routed from " + tried.get(0) + " to " + next.name() + " after " + status.reasonCode()
                        + (status.reasonText() == null ? "" : ": " + status.reasonText())));
    }
}
