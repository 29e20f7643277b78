package io.settlehub.marketplace.feed;

import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.connector.support.feed.Fetched;
import io.settlehub.connector.support.feed.PartnerFeed;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.marketplace.config.OzonProperties;
import io.settlehub.marketplace.config.OzonProperties.Account;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.marketplace.mapping.OzonAccrualMapper;
import io.settlehub.marketplace.mapping.OzonPayoutMapper;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.marketplace.partner.ozon.AccrualTypesResponse;
import io.settlehub.marketplace.partner.ozon.CashFlowStatementRequest;
import io.settlehub.marketplace.partner.ozon.CashFlowStatementResponse;
import io.settlehub.marketplace.partner.ozon.OzonSellerClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One poll of one Ozon seller account: accruals day by day from the watermark (cursor-paged within a day) and
 * the payout periods of the cash-flow statement, mapped to canonical events. The watermark moves only in
 * {@link #commit}, after the route has published everything fetched.
 */
public class OzonFeed implements PartnerFeed<Account, Watermark> {

    public static final String FEED = "ozon";

    private final OzonProperties properties;
    private final OzonSellerClient client;
    private final AccrualPager pager;
    private final WatermarkStore watermarks;
    private final Clock clock;

    public OzonFeed(OzonProperties properties, OzonSellerClient client, WatermarkStore watermarks, Clock clock) {
        this.properties = properties;
        this.client = client;
        this.pager = new AccrualPager(client);
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

    @Override
    public Fetched<Watermark> fetch(Account account) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        Watermark from = watermarks.load(FEED, account.clientId())
                .orElse(new Watermark(properties.startDate(), "", properties.startDate()));
        Map<Integer, String> types = typeNames(client, account);
        List<CanonicalEvent> events = new ArrayList<>();
        List<UnmappedRecord> unmapped = new ArrayList<>();

        LocalDate day = from.accrualDate();
        String cursor = from.lastId();
        for (int days = 0; !day.isAfter(today) && days < properties.maxDaysPerPoll(); days++) {
            cursor = fetchDay(account, day, cursor, types, events, unmapped);
            if (day.isBefore(today)) {
                day = day.plusDays(1);
                cursor = "";
            } else {
                break;
            }
        }
        LocalDate payoutsFrom = fetchPayouts(account, from.payoutsFrom(), today, events, unmapped);
        return new Fetched<>(events, unmapped, new Watermark(day, cursor, payoutsFrom), day.atStartOfDay(BusinessCalendar.ZONE).toInstant());
    }

    private String fetchDay(Account account, LocalDate day, String cursor, Map<Integer, String> types,
                            List<CanonicalEvent> events, List<UnmappedRecord> unmapped) {
        return pager.readDay(account, day, cursor, accrual -> {
            MappingResult mapped = OzonAccrualMapper.map(account, types.get(accrual.typeId()), accrual);
            events.addAll(mapped.events());
            unmapped.addAll(mapped.unmapped());
        });
    }

    private LocalDate fetchPayouts(Account account, LocalDate from, LocalDate today, List<CanonicalEvent> events,
                                   List<UnmappedRecord> unmapped) {
        LocalDate resumeFrom = from;
        CashFlowStatementRequest.Period period = new CashFlowStatementRequest.Period(from + "T00:00:00.000Z", today + "T23:59:59.999Z");
        long pages = 1;
        for (long page = 1; page <= pages; page++) {
            CashFlowStatementResponse.Result result = client.cashFlowStatement(account,
                    new CashFlowStatementRequest(period, true, page, 50)).result();
            if (result == null) {
                throw new PartnerFormatException("ozon cash-flow statement without result");
            }
            pages = result.pageCount();
            for (CashFlowStatementResponse.Details details : result.details()) {
                MappingResult mapped = OzonPayoutMapper.map(account, details);
                events.addAll(mapped.events());
                unmapped.addAll(mapped.unmapped());
                LocalDate begin = LocalDate.parse(details.period().begin().substring(0, 10));
                if (begin.isAfter(resumeFrom)) {
                    resumeFrom = begin;
                }
            }
        }
        return resumeFrom;
    }

    static Map<Integer, String> typeNames(OzonSellerClient client, Account account) {
        Map<Integer, String> names = new HashMap<>();
        for (AccrualTypesResponse.AccrualType type : client.accrualTypes(account).accrualTypes()) {
            names.put(type.id(), type.name());
        }
        return names;
    }

    @Override
    public void commit(Account account, Watermark next) {
        watermarks.save(FEED, account.clientId(), next);
    }
}
