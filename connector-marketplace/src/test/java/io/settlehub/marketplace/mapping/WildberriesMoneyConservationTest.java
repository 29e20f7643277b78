package io.settlehub.marketplace.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.marketplace.Fixtures;
import io.settlehub.marketplace.partner.wildberries.ReportRowReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Money conservation, row by row, over every Wildberries fixture: each non-zero money field of a row, read straight from
 * the partner's JSON, is carried by an event of that row (the sale or return with its exact figures, or a charge of that
 * amount) or by an unmapped record naming it, or the whole row is unmapped. Nothing is left over, and no event carries
 * an amount the row does not have.
 */
class WildberriesMoneyConservationTest {

    private static final List<String> MONEY_FIELDS = List.of("retail_amount", "ppvz_for_pay", "ppvz_vw", "ppvz_vw_nds", "acquiring_fee",
            "ppvz_reward", "delivery_rub", "penalty", "additional_payment", "rebill_logistic_cost", "storage_fee", "deduction", "acceptance");
    private static final List<String> ORDER_FIELDS = MONEY_FIELDS.subList(0, 6);

    @ParameterizedTest
    @ValueSource(strings = {"report-statistics-page-1.json", "report-statistics-page-2.json", "report-statistics-sale-with-charges.json"})
    void every_amount_of_every_row_ends_in_an_event_or_an_unmapped_record_naming_it(String fixture) throws Exception {
        for (JsonNode node : EventCodec.mapper().readTree(Fixtures.wildberries(fixture))) {
            MappingResult result = WildberriesRowMapper.map("acme", ReportRowReader.STATISTICS.read(node));
            String row = "rrd_id " + node.get("rrd_id").asText();
            if (result.unmapped().stream().anyMatch(u -> u.field() == null)) {
                assertThat(result.events()).as(row + ": unmapped whole, so nothing of it is mapped").isEmpty();
                continue;
            }
            Map<String, BigDecimal> left = new LinkedHashMap<>();
            for (String field : MONEY_FIELDS) {
                BigDecimal amount = node.hasNonNull(field) ? node.get(field).decimalValue() : BigDecimal.ZERO;
                if (amount.signum() != 0) {
                    left.put(field, amount);
                }
            }
            for (CanonicalEvent event : result.events()) {
                if (event.payload() instanceof Sale sale) {
                    SaleLine line = sale.lines().get(0);
                    BigDecimal gross = line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())).subtract(line.discount().amount());
                    BigDecimal fees = line.marketplaceFees().stream().map(Fee::amount).map(m -> m.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(gross).as(row + ": the sale's price is retail_amount").isEqualByComparingTo(left.get("retail_amount"));
                    assertThat(gross.subtract(fees)).as(row + ": the sale nets to ppvz_for_pay").isEqualByComparingTo(left.get("ppvz_for_pay"));
                    ORDER_FIELDS.forEach(left::remove);
                } else if (event.payload() instanceof Return ret) {
                    assertThat(ret.refund().amount()).as(row + ": the refund is retail_amount").isEqualByComparingTo(left.get("retail_amount").abs());
                    assertThat(ret.refund().amount().subtract(ret.marketplaceFeesReversed().amount())).as(row + ": WB takes back ppvz_for_pay")
                            .isEqualByComparingTo(left.get("ppvz_for_pay").abs());
                    ORDER_FIELDS.forEach(left::remove);
                } else if (event.payload() instanceof MarketplaceCharge charge) {
                    String field = left.entrySet().stream().filter(e -> e.getValue().abs().compareTo(charge.amount().amount().abs()) == 0)
                            .map(Map.Entry::getKey).findFirst().orElse(null);
                    assertThat(field).as(row + ": the charge " + charge.amount() + " is an amount of the row").isNotNull();
                    left.remove(field);
                } else {
                    throw new AssertionError(row + ": unexpected event " + event.type());
                }
            }
            for (UnmappedRecord record : result.unmapped()) {
                assertThat(left.remove(record.field())).as(row + ": the unmapped field " + record.field())
                    .isEqualByComparingTo(new BigDecimal(record.amount()));
            }
            assertThat(left).as(row + ": amounts in no event and no unmapped record").isEmpty();
        }
    }
}
