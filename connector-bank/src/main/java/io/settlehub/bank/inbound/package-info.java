/**
 * What comes back from the banks and the central bank: statements and status reports read into events
 * (StatementFiles, StatementMapper, ClientBankStatementMapper, StatusReportMapper), instructions a bank refused,
 * sent again through another (Rerouting), and the central bank's daily rates (CbrRatesFeed).
 */
package io.settlehub.bank.inbound;
