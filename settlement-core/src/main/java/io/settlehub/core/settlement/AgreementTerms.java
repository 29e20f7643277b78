package io.settlehub.core.settlement;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A client's agreement over time: each version takes effect from a date, and a sale is settled on the terms in
 * force on its business date. The latest version also says how and where the client is paid.
 */
public final class AgreementTerms {

    /** The date of the version that has always applied. */
    public static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);

    private final NavigableMap<LocalDate, Agreement> versions;

    public AgreementTerms(Map<LocalDate, Agreement> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an agreement needs at least one version");
        }
        this.versions = new TreeMap<>(versions);
    }

    public static AgreementTerms always(Agreement agreement) {
        return new AgreementTerms(Map.of(BEGINNING, agreement));
    }

    /** The terms in force on the date; before the first version, the first version's. */
    public Agreement at(LocalDate date) {
        Map.Entry<LocalDate, Agreement> entry = versions.floorEntry(date);
        return entry != null ? entry.getValue() : versions.firstEntry().getValue();
    }

    public Agreement latest() {
        return versions.lastEntry().getValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgreementTerms terms && versions.equals(terms.versions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(versions);
    }
}
