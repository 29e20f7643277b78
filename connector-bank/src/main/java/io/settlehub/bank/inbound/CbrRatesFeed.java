package io.settlehub.bank.inbound;

import io.settlehub.connector.support.state.StateFile;
import io.settlehub.bank.partner.cbr.CbrClient;
import io.settlehub.bank.partner.cbr.DailyRates;
import io.settlehub.connector.support.feed.Fetched;
import io.settlehub.connector.support.feed.PartnerFeed;
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
public class CbrRatesFeed implements PartnerFeed<String, LocalDate> {

    /** The feed has one "account": the central bank's rates, reference data for every client. */
    public static final String REFERENCE_DATA = "reference-data";

    public static final String FEED = "cbr";
    private static final Logger log = LoggerFactory.getLogger(CbrRatesFeed.class);

    private final CbrClient client;
    private final Set<String> currencies;
    private final LocalDate startDate;
    private final int maxDaysPerRun;
    private final Path watermark;
    private final Clock clock;

    public CbrRatesFeed(CbrClient client, Set<String> currencies, LocalDate startDate, int maxDaysPerRun, Path watermark, Clock clock) {
        this.client = client;
        this.currencies = currencies;
        this.startDate = startDate;
        this.maxDaysPerRun = maxDaysPerRun;
        this.watermark = watermark;
        this.clock = clock;
    }

    @Override
    public String name() {
        return FEED;
    }

    @Override
    public List<String> accounts() {
        return List.of(REFERENCE_DATA);
    }

    /** The rates of the days after the last one read, up to today; the next run resumes after the last day asked for. */
    @Override
    public Fetched<LocalDate> fetch(String account) {
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
        return new Fetched<>(events, List.of(), last, last.atStartOfDay(BusinessCalendar.ZONE).toInstant());
    }

    private java.util.Optional<LocalDate> lastDay() {
        return state().readText().map(text -> LocalDate.parse(text.trim()));
    }

    @Override
    public void commit(String account, LocalDate lastDay) {
        state().writeText(lastDay.toString());
    }

    private StateFile state() {
        return StateFile.in(watermark.toAbsolutePath().getParent(), watermark.getFileName().toString());
    }
}
