package io.settlehub.core.store;

import io.settlehub.core.settlement.RateBook;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Builds the rate book from the recorded FX_RATE facts and the dated VAT table. Every batch needs it, so the book is
 * kept while a one-row fingerprint (how many rate facts, what the VAT table holds) says nothing changed.
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

    public RateBook load() {
        String fingerprint = jdbc.queryForObject("select (select count(*) from event_fact where type = 'FX_RATE') || '/'"
                + " || (select count(*) from vat_rate) || '/' || (select coalesce(sum(rate), 0) from vat_rate)", String.class);
        Cached current = cached;
        if (current != null && current.fingerprint().equals(fingerprint)) {
            return current.book();
        }
        Map<LocalDate, BigDecimal> vat = new TreeMap<>();
        jdbc.query("select valid_from, rate from vat_rate where country = 'RU'",
                rs -> {
                    vat.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
                });
        RateBook book = new RateBook(facts.fxRates(), vat);
        cached = new Cached(fingerprint, book);
        return book;
    }
}
