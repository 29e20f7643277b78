package io.settlehub.core.store;

import io.settlehub.core.settlement.RateBook;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Builds the rate book from the recorded FX_RATE facts and the dated VAT table. */
@Repository
public class ReferenceDataRepository {

    private final JdbcTemplate jdbc;
    private final FactRepository facts;

    public ReferenceDataRepository(JdbcTemplate jdbc, FactRepository facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    public RateBook load() {
        Map<LocalDate, BigDecimal> vat = new TreeMap<>();
        jdbc.query("select valid_from, rate from vat_rate where country = 'RU'",
                rs -> {
                    vat.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
                });
        return new RateBook(facts.fxRates(), vat);
    }
}
