package io.settlehub.marketplace.feed;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import io.settlehub.marketplace.config.WildberriesProperties;
import io.settlehub.marketplace.config.WildberriesProperties.Account;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.feed.StreamingPartnerFeed;
import io.settlehub.connector.support.feed.Streamed;
import io.settlehub.marketplace.mapping.WildberriesReportPayouts;
import io.settlehub.marketplace.mapping.WildberriesRowMapper;
import io.settlehub.marketplace.partner.wildberries.ReportRow;
import io.settlehub.marketplace.partner.wildberries.WildberriesClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * One poll of one Wildberries seller account: the detailed realization report from the watermark day to today, page
 * after page ({@code rrdid} of the last row) until a page comes back empty; each row mapped and handed to the sink as
 * it arrives, and one payout per report once all its rows are read. The watermark moves to the start of the latest
 * report seen only in {@link #commit}, so the next poll reads that report again whole (event ids make it harmless).
 */
public class WildberriesFeed implements StreamingPartnerFeed<Account, LocalDate> {

    public static final String FEED = "wildberries";

    private final WildberriesProperties properties;
    private final WildberriesClient client;
    private final RateLimiterRegistry limiters;
    private final WatermarkStore watermarks;
    private final Clock clock;

    public WildberriesFeed(WildberriesProperties properties, WildberriesClient client, RateLimiterRegistry limiters,
                           WatermarkStore watermarks, Clock clock) {
        this.properties = properties;
        this.client = client;
        this.limiters = limiters;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    @Override
    public String name() {
        return FEED;
    }

    @Override
    public List<Account> accounts() {
        return properties.accounts();
    }

    /** The report since the watermark, each event and unmapped row handed to {@code sink} as it is read. */
    @Override
    public Streamed<LocalDate> stream(Account account, Consumer<Object> sink) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        LocalDate from = watermarks.loadDate(FEED, account.clientId()).orElse(properties.startDate());
        RateLimiter limiter = limiters.rateLimiter(FEED + "-" + account.clientId(), FEED);
        WildberriesReportPayouts payouts = new WildberriesReportPayouts(account.clientId());
        Counts counts = new Counts(from);
        long cursor = 0;
        while (true) {
            WildberriesClient.Page page = client.page(account.apiToken(), limiter, from, today, cursor, properties.pageSize(),
                    row -> handle(account, row, payouts, counts, sink));
            if (page.rows() == 0) {
                break;
            }
            cursor = page.lastRrdId();
        }
        for (CanonicalEvent payout : payouts.payouts()) {
            sink.accept(payout);
            counts.events++;
        }
        return new Streamed<>(counts.rows, counts.events, counts.unmapped, counts.latestReportStart,
                counts.latestReportStart.atStartOfDay(BusinessCalendar.ZONE).toInstant());
    }

    private static final class Counts {
        long rows;
        long events;
        long unmapped;
        LocalDate latestReportStart;

        Counts(LocalDate from) {
            this.latestReportStart = from;
        }
    }

    private static void handle(Account account, ReportRow row, WildberriesReportPayouts payouts, Counts counts, Consumer<Object> sink) {
        counts.rows++;
        if (row.reportDateFrom() != null && row.reportDateFrom().isAfter(counts.latestReportStart)) {
            counts.latestReportStart = row.reportDateFrom();
        }
        MappingResult mapped = WildberriesRowMapper.map(account.clientId(), row);
        for (CanonicalEvent event : mapped.events()) {
            if (event.type() == EventType.SALE) {
                payouts.sold(row, event);
            }
            sink.accept(event);
            counts.events++;
        }
        mapped.unmapped().forEach(sink);
        counts.unmapped += mapped.unmapped().size();
    }

    @Override
    public void commit(Account account, LocalDate next) {
        watermarks.saveDate(FEED, account.clientId(), next);
    }
}
