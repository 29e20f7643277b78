/**
 * What goes to the banks: which bank pays an instruction (BankRouter), its payment file (PaymentFileBuilder),
 * batches kept on disk until sent (BatchStore, BatchFlusher), the check that settlement-core signed it
 * (InstructionAuthenticity), and the record of what was sent, to which bank, under which number (SentInstructions).
 */
package io.settlehub.bank.outbound;
