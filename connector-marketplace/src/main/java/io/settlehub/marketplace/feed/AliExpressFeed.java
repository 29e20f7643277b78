package io.settlehub.marketplace.feed;

import io.settlehub.connector.support.feed.Fetched;
import io.settlehub.connector.support.feed.PartnerFeed;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.marketplace.config.AliExpressProperties;
import io.settlehub.marketplace.config.AliExpressProperties.Account;
import io.settlehub.marketplace.mapping.AliExpressOrderMapper;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.marketplace.partner.aliexpress.AliExpressClient;
import io.settlehub.marketplace.partner.aliexpress.OrderListResponse;
import io.settlehub.marketplace.partner.aliexpress.TokenResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one AliExpress seller account: the orders modified since the watermark (less an overlap, since the
 * platform indexes changes with a delay), page by page, each mapped to the events of the stages it has reached. An
 * access token the platform refuses is refreshed once with the refresh token and the call made again. The watermark
 * moves only in {@link #commit}.
 */
public class AliExpressFeed implements PartnerFeed<Account, LocalDateTime> {

    public static final String FEED = "aliexpress";
    private static final Logger log = LoggerFactory.getLogger(AliExpressFeed.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AliExpressProperties properties;
    private final AliExpressClient client;
    private final AliExpressTokens tokens;
    private final WatermarkStore watermarks;
    private final Clock clock;

    public AliExpressFeed(AliExpressProperties properties, AliExpressClient client, AliExpressTokens tokens, WatermarkStore watermarks,
                          Clock clock) {
        this.properties = properties;
        this.client = client;
        this.tokens = tokens;
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

    /** What a poll brought; the next starts from the platform time it asked up to, less the overlap. */
    @Override
    public Fetched<LocalDateTime> fetch(Account account) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.platformZone())).withNano(0);
        LocalDateTime since = watermarks.loadTime(FEED, account.clientId()).orElse(properties.startDate().atStartOfDay());
        List<CanonicalEvent> events = new ArrayList<>();
        List<UnmappedRecord> unmapped = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            int current = page;
            OrderListResponse.Result result = withToken(account, token -> client.orders(token, TIME.format(since), TIME.format(now),
                    current, properties.pageSize()));
            pages = result.totalPage();
            List<OrderListResponse.Order> orders = result.targetList() == null || result.targetList().orders() == null ? List.of()
                    : result.targetList().orders();
            for (OrderListResponse.Order order : orders) {
                MappingResult mapped = AliExpressOrderMapper.map(account.clientId(), order, properties.platformZone());
                events.addAll(mapped.events());
                unmapped.addAll(mapped.unmapped());
            }
        }
        LocalDateTime next = now.minus(properties.overlap());
        return new Fetched<>(events, unmapped, next, next.atZone(properties.platformZone()).toInstant());
    }

    private <T> T withToken(Account account, Function<String, T> call) {
        AliExpressTokens.Pair pair = tokens.current(account);
        try {
            return call.apply(pair.accessToken());
        } catch (AliExpressClient.TokenRejectedException refused) {
            log.info("aliexpress {}: access token refused ({}); refreshing it", account.clientId(), refused.getMessage());
            TokenResponse renewed = client.refresh(pair.refreshToken());
            AliExpressTokens.Pair next = new AliExpressTokens.Pair(renewed.accessToken(),
                    renewed.refreshToken() == null || renewed.refreshToken().isBlank() ? pair.refreshToken() : renewed.refreshToken());
            tokens.replace(account, next);
            return call.apply(next.accessToken());
        }
    }

    @Override
    public void commit(Account account, LocalDateTime next) {
        watermarks.saveTime(FEED, account.clientId(), next);
    }
}
