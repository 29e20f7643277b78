package io.settlehub.core.settlement;

import static io.settlehub.core.settlement.WorkedExample.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.CustomsAssessed;
import io.settlehub.contract.EventPayload.CustomsLine;
import io.settlehub.contract.EventType;
import io.settlehub.core.settlement.Discrepancies.Discrepancy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customs declarations against the dated tariff: duty and customs VAT at the rates of the declaration's date. */
class CustomsCheckTest {

    /** LAMP-01's tariff line: 8 % duty until 2025, 10 % from 2026; VAT 20 % until 2025, 22 % from 2026. */
    static final ReferenceData TARIFF = new RateBook(List.of(),
            Map.of(LocalDate.of(2019, 1, 1), new BigDecimal("0.20"), LocalDate.of(2026, 1, 1), new BigDecimal("0.22")),
            Map.of("LAMP-01", Map.of(LocalDate.of(2020, 1, 1), new BigDecimal("0.08"), LocalDate.of(2026, 1, 1), new BigDecimal("0.10"))));

    static CanonicalEvent declaration(String id, String at, String duty, String vat, Integer revision) {
        return event(id, EventType.CUSTOMS_ASSESSED, "customs", at, new CustomsAssessed("D-1", "R-1",
                List.of(new CustomsLine("LAMP-01", 100, rub("62500.00"), rub(duty), rub(vat), rub("1231.00"))), revision));
    }

    @Test
    void the_worked_example_declaration_is_what_the_2026_tariff_gives() {
        // duty 62,500.00 × 10 % = 6,250.00; VAT (62,500.00 + 6,250.00) × 22 % = 15,125.00
        assertThat(CustomsCheck.of(List.of(customs()), TARIFF)).isEmpty();
    }

    @Test
    void a_2025_declaration_is_checked_against_the_2025_rates() {
        // duty 62,500.00 × 8 % = 5,000.00; VAT (62,500.00 + 5,000.00) × 20 % = 13,500.00
        assertThat(CustomsCheck.of(List.of(declaration("customs:2025", "2025-12-10T08:00:00Z", "5000.00", "13500.00", null)), TARIFF))
                .isEmpty();
        // the 2026 figures on a 2025 declaration: both charges are off
        List<CustomsCheck.Deviation> off = CustomsCheck.of(
                List.of(declaration("customs:2025", "2025-12-10T08:00:00Z", "6250.00", "15125.00", null)), TARIFF);
        assertThat(off).extracting(CustomsCheck.Deviation::charge, CustomsCheck.Deviation::expected, CustomsCheck.Deviation::difference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("duty", rub("5000.00"), rub("1250.00")),
                        org.assertj.core.groups.Tuple.tuple("customs VAT", rub("13750.00"), rub("1375.00")));
    }

    @Test
    void a_deviation_is_a_discrepancy_an_operator_sees_until_a_corrected_revision_replaces_it() {
        CanonicalEvent wrongVat = declaration("customs:acme:D-1", "2026-02-03T08:00:00Z", "6250.00", "13750.00", null);
        List<CanonicalEvent> facts = List.of(goodsReceived(), wrongVat, freight(), rate(), sale());
        ClientSettlement settlement = SettlementCalculator.settle(agreement(), facts, TARIFF);
        assertThat(Discrepancies.of(settlement)).extracting(Discrepancy::kind, Discrepancy::reference, Discrepancy::amount,
                Discrepancy::explanation).containsExactly(org.assertj.core.groups.Tuple.tuple(
                Discrepancies.Kind.CUSTOMS_DIFFERS_FROM_TARIFF, "declaration D-1 SKU LAMP-01", rub("-1375.00"),
                "customs VAT declared 13750.00 RUB, the tariff of 2026-02-03 gives 15125.00 RUB (rate 0.22)"));

        CanonicalEvent corrected = declaration("customs:acme:D-1:r1", "2026-02-05T08:00:00Z", "6250.00", "15125.00", 1);
        List<CanonicalEvent> withCorrection = new java.util.ArrayList<>(facts);
        withCorrection.add(corrected);
        assertThat(Discrepancies.of(SettlementCalculator.settle(agreement(), withCorrection, TARIFF))).isEmpty();
    }

    @Test
    void a_sku_without_a_recorded_duty_rate_has_only_its_vat_checked_and_one_kopeck_of_rounding_is_accepted() {
        CanonicalEvent roundedUp = event("customs:x", EventType.CUSTOMS_ASSESSED, "customs", "2026-02-03T08:00:00Z",
                new CustomsAssessed("D-2", "R-1", List.of(new CustomsLine("MUG-02", 10, rub("1000.00"), rub("123.45"),
                        rub("247.17"), rub("0.00"))), null));
        // (1,000.00 + 123.45) × 22 % = 247.159 → 247.16; 247.17 is within one kopeck
        assertThat(CustomsCheck.of(List.of(roundedUp), TARIFF)).isEmpty();
    }
}
