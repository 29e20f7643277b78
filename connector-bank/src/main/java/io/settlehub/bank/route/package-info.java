/**
 * The Camel routes only: instructions in and files out (PaymentInstructionsRoute), batches on a timer
 * (BankBatchRoute), statements from each bank's inbox (BankStatementsRoute), the central bank's rates
 * (CbrRatesRoute).
 */
package io.settlehub.bank.route;
