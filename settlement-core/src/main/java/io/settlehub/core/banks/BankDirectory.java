package io.settlehub.core.banks;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The central bank's BIK directory (справочник БИК, message ED807) as of one business day: for each Russian bank
 * identifier the bank's name, its correspondent account at the central bank and, when the bank may no longer be paid
 * to, since when and why. A Russian payment order names the payee's bank by these, so an agreement gives only the BIK.
 */
public record BankDirectory(LocalDate businessDay, Map<String, Entry> entries) {

    public BankDirectory {
        entries = Map.copyOf(entries);
    }

    /** One BIK. {@code correspondentAccount} is null for participants without one (the central bank's own branches). */
    public record Entry(String bik, String name, String correspondentAccount, LocalDate closedOn, String closedBecause) {

        public boolean open() {
            return closedOn == null;
        }
    }

    public Optional<Entry> find(String bik) {
        return Optional.ofNullable(entries.get(bik));
    }

    public long closedCount() {
        return entries.values().stream().filter(e -> !e.open()).count();
    }
}
