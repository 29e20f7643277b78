package io.settlehub.core.accounting;

import static io.settlehub.core.settlement.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.AccountingDocument.AgentReport;
import io.settlehub.contract.AccountingDocument.Line;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.core.settlement.ClientSettlement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentReportsTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void the_worked_example_with_its_return_reports_the_design_figures_and_each_line_adds_up() {
        List<CanonicalEvent> facts = new ArrayList<>(untilPayout());
        facts.add(returnOfOneLamp());
        ClientSettlement settled = settle(facts);

        AgentReport report = AgentReports.of(settled, Map.of(), List.of(), MARCH, "RUB");

        assertThat(report.lines()).hasSize(1);
        assertThat(report.totals().sales()).isEqualTo(rub("4790.00"));
        assertThat(report.totals().returns()).isEqualTo(rub("2395.00"));
        assertThat(report.totals().marketplaceFees()).as("868.50 at sale − 359.25 reversed + 120.00 return logistics")
                .isEqualTo(rub("629.25"));
        assertThat(report.totals().serviceCommission()).as("commission is kept on a return").isEqualTo(rub("239.50"));
        assertThat(report.totals().commissionVat()).isEqualTo(rub("52.69"));
        assertThat(report.totals().clientNet()).as("docs/design.md: available after the return").isEqualTo(rub("307.50"));
        for (Line line : report.lines()) {
            Money explained = line.sales().minus(line.returns()).minus(line.marketplaceFees()).minus(line.serviceCommission())
                    .minus(line.commissionVat()).minus(line.goodsCost()).minus(line.customsCost()).minus(line.logisticsCost());
            assertThat(explained).as("sales − returns − fees − commission − VAT − landed cost of the units kept")
                    .isEqualTo(line.clientNet());
        }
    }

    @Test
    void charges_and_payouts_count_in_the_period_of_their_business_date_only() {
        List<CanonicalEvent> facts = new ArrayList<>(untilPayout());
        CanonicalEvent storage = event("ozon:acme:charge:storage-march", EventType.MARKETPLACE_CHARGE, "ozon",
                "2026-03-31T21:30:00Z", new MarketplaceCharge("storage", rub("45.00"), null));
        CanonicalEvent april = event("ozon:acme:charge:storage-april", EventType.MARKETPLACE_CHARGE, "ozon",
                "2026-04-10T10:00:00Z", new MarketplaceCharge("storage", rub("30.00"), null));
        facts.add(storage);
        facts.add(april);
        ClientSettlement settled = settle(facts);
        // 21:30Z on March 31 is already April 1 in Moscow
        Map<String, Instant> dates = Map.of(storage.eventId(), storage.occurredAt(), april.eventId(), april.occurredAt());
        List<AgentReports.Payout> payouts = List.of(
                new AgentReports.Payout("P-MAR", Instant.parse("2026-03-20T09:00:00Z"), rub("1000.00"), "BOOKED"),
                new AgentReports.Payout("P-APR", Instant.parse("2026-04-20T09:00:00Z"), rub("500.00"), "SENT"));

        AgentReport march = AgentReports.of(settled, dates, payouts, MARCH, "RUB");
        AgentReport aprilReport = AgentReports.of(settled, dates, payouts, MARCH.plusMonths(1), "RUB");

        assertThat(march.charges()).isEmpty();
        assertThat(march.payouts()).extracting(p -> p.instructionId()).containsExactly("P-MAR");
        assertThat(march.totals().paidOut()).isEqualTo(rub("1000.00"));
        assertThat(aprilReport.lines()).as("the order was sold in March").isEmpty();
        assertThat(aprilReport.charges()).extracting(c -> c.eventId()).containsExactlyInAnyOrder(storage.eventId(), april.eventId());
        assertThat(aprilReport.totals().otherCharges()).isEqualTo(rub("75.00"));
        assertThat(aprilReport.totals().clientNet()).isEqualTo(rub("-75.00"));
        assertThat(AgentReports.currencies(settled, dates, payouts, YearMonth.of(2026, 5))).isEmpty();
        assertThat(AgentReports.currencies(settled, dates, payouts, MARCH)).containsExactly("RUB");
    }

    @Test
    void a_report_issued_before_its_period_ended_is_provisional() {
        AgentReport report = AgentReports.of(settle(untilPayout()), Map.of(), List.of(), MARCH, "RUB");
        assertThat(AgentReports.document("acme", MARCH, "RUB", report, java.time.LocalDate.of(2026, 3, 31)).provisional()).isTrue();
        assertThat(AgentReports.document("acme", MARCH, "RUB", report, java.time.LocalDate.of(2026, 4, 1)).provisional()).isNull();
        assertThat(AgentReports.document("acme", MARCH, "RUB", report, java.time.LocalDate.of(2026, 4, 1)).documentId())
                .isEqualTo("agent-report:acme:2026-03:RUB");
    }

}
