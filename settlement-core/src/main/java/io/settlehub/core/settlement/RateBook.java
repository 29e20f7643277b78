package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.FxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reference data built from {@code FX_RATE} facts and the dated VAT and duty tables. For one source, pair and date the
 * highest revision wins; two different rates at the same revision are a conflict: the one with the smaller
 * eventId stays in force (so the outcome does not depend on arrival order) and the other is parked.
 */
public final class RateBook implements ReferenceData {

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();
    private final NavigableMap<LocalDate, BigDecimal> vatRates;
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> dutyRates = new HashMap<>();
    private final List<Parked> conflicts = new ArrayList<>();

    public RateBook(List<CanonicalEvent> fxFacts, Map<LocalDate, BigDecimal> vatRatesByValidFrom) {
        this(fxFacts, vatRatesByValidFrom, Map.of());
    }

    /** {@code dutyRatesBySku}: per SKU, the duty rate of its tariff line by the date it takes effect. */
    public RateBook(List<CanonicalEvent> fxFacts, Map<LocalDate, BigDecimal> vatRatesByValidFrom,
                    Map<String, ? extends Map<LocalDate, BigDecimal>> dutyRatesBySku) {
        this.vatRates = new TreeMap<>(vatRatesByValidFrom);
        dutyRatesBySku.forEach((sku, byDate) -> dutyRates.put(sku, new TreeMap<>(byDate)));
        Map<String, CanonicalEvent> chosen = new HashMap<>();
        List<CanonicalEvent> sorted = fxFacts.stream().sorted(Comparator.comparing(CanonicalEvent::eventId)).toList();
        for (CanonicalEvent event : sorted) {
            FxRate fx = (FxRate) event.payload();
            String key = pair(event.source(), fx.base(), fx.quote()) + "|" + fx.date();
            CanonicalEvent current = chosen.get(key);
            if (current == null) {
                chosen.put(key, event);
                continue;
            }
            FxRate held = (FxRate) current.payload();
            int revisionOrder = Integer.compare(revision(fx), revision(held));
            if (revisionOrder > 0) {
                chosen.put(key, event);
            } else if (revisionOrder == 0 && fx.rate().compareTo(held.rate()) != 0) {
                conflicts.add(new Parked(event.eventId(), null, event.type(), "conflicting " + fx.base() + "/" + fx.quote()
                        + " rate for " + fx.date() + " from " + event.source() + ": " + fx.rate().toPlainString() + " vs "
                        + held.rate().toPlainString() + " already in force (send a higher revision to correct it)"));
            }
        }
        for (CanonicalEvent event : chosen.values()) {
            FxRate fx = (FxRate) event.payload();
            rates.computeIfAbsent(pair(event.source(), fx.base(), fx.quote()), k -> new TreeMap<>()).put(fx.date(), fx.rate());
        }
    }

    private static int revision(FxRate fx) {
        return fx.revision() == null ? 0 : fx.revision();
    }

    private static String pair(String source, String base, String quote) {
        return source + "|" + base + "|" + quote;
    }

    @Override
    public Optional<BigDecimal> fxRate(String source, String base, String quote, LocalDate date) {
        if (base.equals(quote)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> series = rates.get(pair(source, base, quote));
        return Optional.ofNullable(series == null ? null : series.floorEntry(date)).map(Map.Entry::getValue);
    }

    @Override
    public Optional<BigDecimal> standardVatRate(LocalDate date) {
        return Optional.ofNullable(vatRates.floorEntry(date)).map(Map.Entry::getValue);
    }

    @Override
    public Optional<BigDecimal> dutyRate(String sku, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> series = dutyRates.get(sku);
        return Optional.ofNullable(series == null ? null : series.floorEntry(date)).map(Map.Entry::getValue);
    }

    public List<Parked> conflicts() {
        return List.copyOf(conflicts);
    }
}
