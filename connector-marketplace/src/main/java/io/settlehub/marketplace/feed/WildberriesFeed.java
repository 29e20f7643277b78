package io.settlehub.marketplace.feed;

import io.settlehub.connector.support.FeedMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import io.settlehub.marketplace.config.WildberriesProperties;
import io.settlehub.marketplace.config.WildberriesProperties.Account;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.marketplace.mapping.WildberriesReportPayouts;
import io.settlehub.marketplace.mapping.WildberriesRowMapper;
import io.settlehub.marketplace.partner.wildberries.ReportRow;
import io.settlehub.marketplace.partner.wildberries.WildberriesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one Wildberries seller account: the detailed realization report from the watermark day to today, page
 * after page ({@code rrdid} of the last row) until a page comes back empty; each row mapped and handed to the sink as
 * it arrives, and one payout per report once all its rows are read. The watermark moves to the start of the latest
 * report seen only in {@link #commit}, so the next poll reads that report again whole (event ids make it harmless).
 */
public class WildberriesFeed {

    public static final String FEED = "wildberries";
    private static final Logger log = LoggerFactory.getLogger(WildberriesFeed.class);

    private final WildberriesProperties properties;
    private final WildberriesClient client;
    private final RateLimiterRegistry limiters;
    private final WatermarkStore watermarks;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final Consumer<Object> sink;

    /** {@code sink} publishes what the feed hands it: a {@link CanonicalEvent} or an unmapped record. */
    public WildberriesFeed(WildberriesProperties properties, WildberriesClient client, RateLimiterRegistry limiters,
                           WatermarkStore watermarks, FeedMetrics metrics, Clock clock, Consumer<Object> sink) {
        this.properties = properties;
        this.client = client;
        this.limiters = limiters;
        this.watermarks = watermarks;
        this.metrics = metrics;
        this.clock = clock;
        this.sink = sink;
    }

    /** What a poll published, and where the next one starts. */
    public record PollResult(Account account, int events, int unmapped, int rows, LocalDate nextFrom) {
    }

    public List<Account> accounts() {
        return properties.accounts();
    }

    public PollResult poll(Account account) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        LocalDate from = watermarks.loadDate(FEED, account.clientId()).orElse(properties.startDate());
        RateLimiter limiter = limiters.rateLimiter(FEED + "-" + account.clientId(), FEED);
        WildberriesReportPayouts payouts = new WildberriesReportPayouts(account.clientId());
        Counts counts = new Counts(from);
        long cursor = 0;
        while (true) {
            WildberriesClient.Page page = client.page(account.apiToken(), limiter, from, today, cursor, properties.pageSize(),
                    row -> handle(account, row, payouts, counts));
            if (page.rows() == 0) {
                break;
            }
            cursor = page.lastRrdId();
        }
        for (CanonicalEvent payout : payouts.payouts()) {
            sink.accept(payout);
            counts.events++;
        }
        return new PollResult(account, counts.events, counts.unmapped, counts.rows, counts.latestReportStart);
    }

    private static final class Counts {
        int rows;
        int events;
        int unmapped;
        LocalDate latestReportStart;

        Counts(LocalDate from) {
            this.latestReportStart = from;
        }
    }

    private void handle(Account account, ReportRow row, WildberriesReportPayouts payouts, Counts counts) {
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

    public void commit(PollResult result) {
        watermarks.saveDate(FEED, result.account().clientId(), result.nextFrom());
        Instant watermark = result.nextFrom().atStartOfDay(BusinessCalendar.ZONE).toInstant();
        metrics.polled(FEED, result.account().clientId(), result.events(), result.unmapped(), watermark);
        log.info("wildberries {}: {} report row(s) → {} event(s), {} unmapped; next poll from {}", result.account().clientId(),
                result.rows(), result.events(), result.unmapped(), result.nextFrom());
    }

    public void failed(Account account, Exception cause) {
        String kind = metrics.failed(FEED, account.clientId(), cause);
        log.warn("wildberries {}: poll failed ({}), watermark kept: {}", account.clientId(), kind, cause.getMessage());
    }
}
