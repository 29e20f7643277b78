package io.settlehub.bank.outbound;

/** A payment instruction connector-bank must not pay: not settlement-core's word. */
public class RefusedInstructionException extends RuntimeException {

    public RefusedInstructionException(String reason) {
        super(reason);
    }
}
