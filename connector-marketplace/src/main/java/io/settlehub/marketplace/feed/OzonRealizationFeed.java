package io.settlehub.marketplace.feed;

import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.marketplace.config.OzonProperties;
import io.settlehub.marketplace.config.OzonProperties.Account;
import io.settlehub.marketplace.mapping.OzonAccrualMapper;
import io.settlehub.marketplace.mapping.RealizationCheck;
import io.settlehub.marketplace.mapping.RealizationCheck.Discrepancy;
import io.settlehub.marketplace.partner.ozon.OzonSellerClient;
import io.settlehub.marketplace.partner.ozon.RealizationReportResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly realization report of each seller account, once Ozon publishes it (by the 5th of the next month):
 * kept beside the watermarks and checked, article by article, against the units of the month's accruals.
 */
public class OzonRealizationFeed {

    public static final String FEED = "ozon-realization";
    private static final Logger log = LoggerFactory.getLogger(OzonRealizationFeed.class);
    private static final int PUBLISHED_BY_DAY = 5;

    private final OzonProperties properties;
    private final OzonSellerClient client;
    private final AccrualPager pager;
    private final WatermarkStore store;
    private final Clock clock;

    public OzonRealizationFeed(OzonProperties properties, OzonSellerClient client, WatermarkStore store, Clock clock) {
        this.properties = properties;
        this.client = client;
        this.pager = new AccrualPager(client);
        this.store = store;
        this.clock = clock;
    }

    /** A discrepancy as published: its stable id and JSON body. */
    public record DiscrepancyMessage(String id, String json) {
    }

    /** One month checked: the report's number and the articles whose units differ. */
    public record MonthChecked(Account account, YearMonth month, String reportNumber, int rows, List<Discrepancy> discrepancies) {

        /** The messages for hub.reconciliation.discrepancies, one per article, with a stable id. */
        public List<DiscrepancyMessage> messages() {
            return discrepancies.stream().map(d -> new DiscrepancyMessage(idOf(d), describe(d))).toList();
        }

        private String describe(Discrepancy discrepancy) {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("source", "ozon");
            body.put("clientId", account.clientId());
            body.put("document", "realization report " + reportNumber);
            body.put("month", month.toString());
            body.put("article", discrepancy.article());
            body.put("reportedNetUnits", discrepancy.reportedUnits());
            body.put("accruedNetUnits", discrepancy.accruedUnits());
            return PartnerJson.write(body);
        }

        private String idOf(Discrepancy discrepancy) {
            return "ozon:" + account.clientId() + ":realization:" + month + ":" + discrepancy.article();
        }
    }

    /** The accounts with a month whose report is due and not yet checked; each poll checks one month per account. */
    public List<Account> accountsDue() {
        YearMonth lastDue = lastDueMonth();
        return properties.accounts().stream().filter(a -> !nextMonth(a).isAfter(lastDue)).toList();
    }

    public MonthChecked check(Account account) {
        YearMonth month = nextMonth(account);
        RealizationReportResponse.Result report = client.realization(account, month).result();
        if (report == null || report.header() == null) {
            throw new PartnerFormatException("ozon realization report for " + month + " without result/header");
        }
        Map<Integer, String> types = OzonFeed.typeNames(client, account);
        Map<String, Integer> accrued = new TreeMap<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            pager.readDay(account, day, "", accrual -> {
                int sign = OzonAccrualMapper.unitSign(types.get(accrual.typeId()));
                if (sign != 0) {
                    OzonAccrualMapper.unitsByArticle(account, accrual).forEach((article, units) -> accrued.merge(article, sign * units, Integer::sum));
                }
            });
        }
        store.keep("ozon-realization-" + account.clientId() + "-" + month + ".json", PartnerJson.write(report));
        return new MonthChecked(account, month, report.header().number(), report.rows().size(),
                new ArrayList<>(RealizationCheck.compare(report.rows(), accrued)));
    }

    public void commit(MonthChecked checked) {
        store.saveMonth(FEED, checked.account().clientId(), checked.month().plusMonths(1));
        log.info("ozon {}: realization report {} for {} checked, {} row(s), {} discrepancy(ies)", checked.account().clientId(),
                checked.reportNumber(), checked.month(), checked.rows(), checked.discrepancies().size());
    }

    public void failed(Account account, Exception cause) {
        log.warn("ozon {}: realization report check failed, will retry: {}", account.clientId(), cause.getMessage());
    }

    private YearMonth nextMonth(Account account) {
        return store.loadMonth(FEED, account.clientId()).orElse(YearMonth.from(properties.startDate()));
    }

    private YearMonth lastDueMonth() {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        return today.getDayOfMonth() > PUBLISHED_BY_DAY ? previous : previous.minusMonths(1);
    }
}
