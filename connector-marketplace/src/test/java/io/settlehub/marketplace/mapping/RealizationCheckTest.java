package io.settlehub.marketplace.mapping;

import static io.settlehub.marketplace.Fixtures.ozon;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.marketplace.mapping.RealizationCheck.Discrepancy;
import io.settlehub.marketplace.partner.ozon.RealizationReportResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealizationCheckTest {

    static final RealizationReportResponse MARCH = ozon("realization-v2-2026-03.json", RealizationReportResponse.class);
    static final RealizationReportResponse MARCH_V1 = ozon("realization-2026-03.json", RealizationReportResponse.class);

    @Test
    void the_report_agrees_with_two_sold_and_one_returned() {
        assertThat(MARCH.result().header()).extracting(h -> h.number(), h -> h.contractNumber(), h -> h.currency(), h -> h.receiverInn())
                .containsExactly("R-3281770", "ИР-120045/24", "RUB", "7701234567");
        assertThat(MARCH.result().rows()).extracting(r -> r.article(), r -> r.soldUnits(), r -> r.returnedUnits(), r -> r.delivered().total())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LAMP-01", 2, 1, new java.math.BigDecimal("4071.5")));
        assertThat(RealizationCheck.compare(MARCH.result().rows(), Map.of("LAMP-01", 1))).isEmpty();
    }

    @Test
    void the_retired_v1_layout_reads_into_the_same_report() {
        assertThat(MARCH_V1.result().header()).usingRecursiveComparison()
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).isEqualTo(MARCH.result().header());
        assertThat(MARCH_V1.result().rows()).usingRecursiveFieldByFieldElementComparator(org.assertj.core.api.recursive.comparison
                .RecursiveComparisonConfiguration.builder().withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                .withIgnoredFields("item.barcode", "delivered.bonus", "delivered.standardFee", "delivered.bankCoinvestment", "delivered.stars",
                        "delivered.pickUpPointCoinvestment", "returned.bonus", "returned.standardFee", "returned.bankCoinvestment",
                        "returned.stars", "returned.pickUpPointCoinvestment").build())
                .as("what v1 has, read as v2 has it").containsExactlyElementsOf(MARCH.result().rows());
    }

    @Test
    void a_unit_missing_on_either_side_is_a_discrepancy() {
        assertThat(RealizationCheck.compare(MARCH.result().rows(), Map.of("LAMP-01", 2, "MUG-07", 1))).containsExactly(
                new Discrepancy("LAMP-01", 1, 2), new Discrepancy("MUG-07", 0, 1));
    }
}
