/**
 * Putting a payment file on a bank's SFTP server exactly once: each attempt recorded before it starts
 * (UploadAttempts), the bank's outbox asked after a crash (BankOutbox), host-key checked uploads (GuardedUpload,
 * CrashSafeUpload).
 */
package io.settlehub.bank.upload;
