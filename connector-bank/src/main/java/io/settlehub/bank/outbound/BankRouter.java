package io.settlehub.bank.outbound;

import io.settlehub.bank.config.BankProperties.BankProfile;
import io.settlehub.contract.PaymentInstruction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which bank pays an instruction: the first, in the configured order, that takes its currency, its payee's country
 * and its amount, leaving out the banks already tried. The payee's country is read from its bank identifier: a SWIFT
 * BIC carries it at positions 5–6, a Russian BIK (9 digits) is Russia.
 */
public final class BankRouter {

    private BankRouter() {
    }

    public static Optional<BankProfile> choose(List<BankProfile> banks, PaymentInstruction instruction, Set<String> exclude) {
        String currency = instruction.amount().currency();
        String country = countryOf(instruction.payee().bankId());
        return banks.stream()
                .filter(bank -> !exclude.contains(bank.name()))
                .filter(bank -> bank.currencies().isEmpty() || bank.currencies().contains(currency))
                .filter(bank -> bank.payeeCountries().isEmpty() || country != null && bank.payeeCountries().contains(country))
                .filter(bank -> bank.maxAmount() == null || instruction.amount().amount().compareTo(bank.maxAmount()) <= 0)
                .findFirst();
    }

    /** The ISO country of a BIC (positions 5–6) or RU for a 9-digit BIK; null when the identifier is neither. */
    public static String countryOf(String bankId) {
        if (bankId == null) {
            return null;
        }
        String id = bankId.trim().toUpperCase(Locale.ROOT);
        if (id.matches("\\d{9}")) {
            return "RU";
        }
        if (id.matches("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            return id.substring(4, 6);
        }
        return null;
    }
}
