/**
 * The banks' file formats, written and read without Camel or Spring: ISO 20022 (iso20022: pain.001 generic and
 * Russian host-to-host, pain.002, camt.052/053) and the 1C client-bank exchange text (clientbank).
 */
package io.settlehub.bank.formats;
