package io.settlehub.marketplace.mapping;

import static io.settlehub.marketplace.Fixtures.ozon;
import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.marketplace.mapping.RealizationCheck.Discrepancy;
import io.settlehub.marketplace.partner.ozon.RealizationReportResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealizationCheckTest {

    static final RealizationReportResponse MARCH = ozon("realization-2026-03.json", RealizationReportResponse.class);

    @Test
    void the_report_agrees_with_two_sold_and_one_returned() {
        assertThat(MARCH.result().header().num()).isEqualTo("R-3281770");
        assertThat(RealizationCheck.compare(MARCH.result().rows(), Map.of("LAMP-01", 1))).isEmpty();
    }

    @Test
    void a_unit_missing_on_either_side_is_a_discrepancy() {
        assertThat(RealizationCheck.compare(MARCH.result().rows(), Map.of("LAMP-01", 2, "MUG-07", 1))).containsExactly(
                new Discrepancy("LAMP-01", 1, 2), new Discrepancy("MUG-07", 0, 1));
    }
}
