package io.settlehub.core.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Dated reference data shared by all clients: exchange rates, the standard VAT rate and customs duty rates. */
public interface ReferenceData {

    /** Units of {@code quote} per 1 {@code base}: the latest rate of the source dated on or before {@code date}. */
    Optional<BigDecimal> fxRate(String source, String base, String quote, LocalDate date);

    /** The standard VAT rate in force on the date, e.g. 0.22 from 2026-01-01 in Russia. */
    Optional<BigDecimal> standardVatRate(LocalDate date);

    /** The customs duty rate of the SKU's tariff line in force on the date (e.g. 0.10), if the operator recorded one. */
    Optional<BigDecimal> dutyRate(String sku, LocalDate date);
}
