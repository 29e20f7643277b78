package io.settlehub.bank.inbound;

import io.settlehub.connector.support.state.StateFile;
import io.settlehub.bank.partner.cbr.CbrClient;
import io.settlehub.bank.partner.cbr.DailyRates;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.FxRate;
import io.settlehub.contract.EventType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central bank's daily rates for the currencies the hub settles, as {@code FX_RATE} events of source {@code cbr}
 * (one per currency and rate date: {@code cbr:<CCY>:RUB:<date>}, so a day asked twice, or a weekend answered with
 * Friday's rates, publishes nothing new). Each run asks every day from the one after the last it read to today, so a
 * missed day is filled on the next run; the day it got to is kept only in {@link #commit}.
 */
public class CbrRatesFeed {

    public static final String FEED = "cbr";
    private static final Logger log = LoggerFactory.getLogger(CbrRatesFeed.class);

    private final CbrClient client;
    private final Set<String> currencies;
    private final LocalDate startDate;
    private final int maxDaysPerRun;
    private final Path watermark;
    private final FeedMetrics metrics;
    private final Clock clock;

    public CbrRatesFeed(CbrClient client, Set<String> currencies, LocalDate startDate, int maxDaysPerRun, Path watermark,
                        FeedMetrics metrics, Clock clock) {
        this.client = client;
        this.currencies = currencies;
        this.startDate = startDate;
        this.maxDaysPerRun = maxDaysPerRun;
        this.watermark = watermark;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What a run read, and the last day it asked for. */
    public record Fetched(List<CanonicalEvent> events, List<UnmappedRecord> unmapped, LocalDate lastDay) {
    }

    public Fetched fetch() {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        LocalDate day = lastDay().map(d -> d.plusDays(1)).orElse(startDate);
        List<CanonicalEvent> events = new ArrayList<>();
        LocalDate last = lastDay().orElse(startDate.minusDays(1));
        for (int n = 0; !day.isAfter(today) && n < maxDaysPerRun; n++, day = day.plusDays(1)) {
            DailyRates rates = client.ratesFor(day);
            for (DailyRates.Rate rate : rates.rates()) {
                if (currencies.contains(rate.charCode())) {
                    events.add(new CanonicalEvent(FEED + ":" + rate.charCode() + ":RUB:" + rates.date(), EventType.FX_RATE,
                            EventCodec.SCHEMA_VERSION, FEED, null, rates.date().atStartOfDay(BusinessCalendar.ZONE).toInstant(),
                            new FxRate(rate.charCode(), "RUB", rate.perUnit(), rates.date(), null)));
                }
            }
            last = day;
        }
        return new Fetched(events, List.of(), last);
    }

    private java.util.Optional<LocalDate> lastDay() {
        return state().readText().map(text -> LocalDate.parse(text.trim()));
    }

    public void commit(Fetched fetched) {
        state().writeText(fetched.lastDay().toString());
        metrics.polled(FEED, "reference-data", fetched.events().size(), 0, fetched.lastDay().atStartOfDay(BusinessCalendar.ZONE).toInstant());
        log.info("cbr: {} rate(s) published; read up to {}", fetched.events().size(), fetched.lastDay());
    }

    private StateFile state() {
        return StateFile.in(watermark.toAbsolutePath().getParent(), watermark.getFileName().toString());
    }

    public void failed(Exception cause) {
        String kind = metrics.failed(FEED, "reference-data", cause);
        log.warn("cbr: rates not read ({}), will ask again: {}", kind, cause.getMessage());
    }
}
