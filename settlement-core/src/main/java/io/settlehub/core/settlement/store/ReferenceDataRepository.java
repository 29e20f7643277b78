package io.settlehub.core.settlement.store;

import io.settlehub.core.settlement.RateBook;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Builds the rate book from the recorded FX_RATE facts and the dated VAT and duty tables. Every batch needs it, so the
 * book is kept while a one-row fingerprint (how many rate facts, what the tables hold) says nothing changed.
 */
@Repository
public class ReferenceDataRepository {

    private final JdbcTemplate jdbc;
    private final FactRepository facts;
    private volatile Cached cached;

    private record Cached(String fingerprint, RateBook book) {
    }

    public ReferenceDataRepository(JdbcTemplate jdbc, FactRepository facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    /** Records the duty rate of a SKU's tariff line from a date (replacing one recorded for the same date). */
    public void putDutyRate(String sku, LocalDate validFrom, BigDecimal rate) {
        jdbc.update("delete from duty_rate where sku = ? and valid_from = ?", sku, java.sql.Date.valueOf(validFrom));
        jdbc.update("insert into duty_rate (sku, valid_from, rate) values (?, ?, ?)", sku, java.sql.Date.valueOf(validFrom), rate);
    }

    /** Per SKU, its duty rates by the date they take effect. */
    public Map<String, Map<LocalDate, BigDecimal>> dutyRates() {
        Map<String, Map<LocalDate, BigDecimal>> duty = new TreeMap<>();
        jdbc.query("select sku, valid_from, rate from duty_rate", rs -> {
            duty.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
        });
        return duty;
    }

    /** The standard VAT rates by the date they take effect. */
    public Map<LocalDate, BigDecimal> vatRates() {
        Map<LocalDate, BigDecimal> vat = new TreeMap<>();
        jdbc.query("select valid_from, rate from vat_rate where country = 'RU'", rs -> {
            vat.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
        });
        return vat;
    }

    /** The rate book with a version that changes whenever the rates or the tables do. */
    public record Versioned(String version, RateBook book) {
    }

    public RateBook load() {
        return loadVersioned().book();
    }

    public Versioned loadVersioned() {
        String fingerprint = jdbc.queryForObject("select (select count(*) from event_fact where type = 'FX_RATE') || '/'"
                + " || (select count(*) from vat_rate) || '/' || (select coalesce(sum(rate), 0) from vat_rate)"
                + " || '/' || (select count(*) from duty_rate) || '/' || (select coalesce(sum(rate), 0) from duty_rate)", String.class);
        Cached current = cached;
        if (current != null && current.fingerprint().equals(fingerprint)) {
            return new Versioned(fingerprint, current.book());
        }
        RateBook book = new RateBook(facts.fxRates(), vatRates(), dutyRates());
        cached = new Cached(fingerprint, book);
        return new Versioned(fingerprint, book);
    }
}
