package io.settlehub.bank.outbound;

import io.settlehub.bank.outbound.SentInstructions;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.contract.MessageSignatures;
import io.settlehub.contract.PaymentInstruction;
import org.apache.camel.Message;

/**
 * Whether connector-bank may pay an instruction: only one settlement-core issued and nobody altered. That is an instruction
 * whose body carries settlement-core's Ed25519 signature ({@link MessageHeaders#SIGNATURE}, checked with its public key),
 * or the re-route of one this connector already checked and sent: a body that is, byte for byte, the copy it kept of
 * that instruction. Anything else is refused ({@link RefusedInstructionException}): dead-lettered as refused, which
 * settlement-core raises as an alert; no file is written.
 */
public class InstructionAuthenticity {

    private final MessageSignatures.Verifier core;
    private final SentInstructions sent;

    public InstructionAuthenticity(MessageSignatures.Verifier core, SentInstructions sent) {
        this.core = core;
        this.sent = sent;
    }

    /** Passes an authentic instruction message; throws {@link RefusedInstructionException} naming why otherwise. */
    public void check(Message message) {
        String body = message.getBody(String.class);
        String signature = message.getHeader(MessageHeaders.SIGNATURE, String.class);
        if (core.verifies(body, signature)) {
            return;
        }
        if (message.getHeader(MessageHeaders.EXCLUDE_BANKS) != null && isKeptCopy(body)) {
            return;
        }
        throw new RefusedInstructionException(signature == null ? "not signed by settlement-core (no " + MessageHeaders.SIGNATURE
                + "): not paid" : "the signature is not settlement-core's over this instruction (forged or altered): not paid");
    }

    private boolean isKeptCopy(String body) {
        try {
            return sent.kept(PaymentInstruction.fromJson(body).instructionId()).map(body::equals).orElse(false);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
