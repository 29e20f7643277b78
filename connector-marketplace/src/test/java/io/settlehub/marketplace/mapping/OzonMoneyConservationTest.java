package io.settlehub.marketplace.mapping;

import static io.settlehub.marketplace.Fixtures.ACME;
import static io.settlehub.marketplace.Fixtures.ozon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.Fee;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.marketplace.partner.ozon.Accrual;
import io.settlehub.marketplace.partner.ozon.AccrualByDayResponse;
import io.settlehub.marketplace.partner.ozon.AccrualTypesResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Money conservation over every Ozon accrual fixture: what an accrual's events do to the seller (a sale's price less
 * its fees, a return's reversed fees less the refund and the return logistics, a charge's negative) plus the amounts
 * left on unmapped records naming their field equals the accrual's {@code amount} — or the whole accrual is unmapped.
 */
class OzonMoneyConservationTest {

    static final Map<Integer, String> TYPES = ozon("accrual-types.json", AccrualTypesResponse.class).accrualTypes().stream()
            .collect(Collectors.toMap(AccrualTypesResponse.AccrualType::id, AccrualTypesResponse.AccrualType::name));

    static BigDecimal toSeller(CanonicalEvent event) {
        if (event.payload() instanceof Sale sale) {
            BigDecimal net = BigDecimal.ZERO;
            for (SaleLine line : sale.lines()) {
                net = net.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity()))).subtract(line.discount().amount());
                for (Fee fee : line.marketplaceFees()) {
                    net = net.subtract(fee.amount().amount());
                }
            }
            return net;
        }
        if (event.payload() instanceof Return ret) {
            return ret.marketplaceFeesReversed().amount().subtract(ret.refund().amount()).subtract(ret.returnLogisticsCost().amount());
        }
        return ((MarketplaceCharge) event.payload()).amount().amount().negate();
    }

    static void assertConserved(Accrual accrual, MappingResult result) {
        String which = "accrual " + accrual.accrualId();
        if (result.unmapped().stream().anyMatch(u -> u.field() == null)) {
            assertThat(result.events()).as(which + ": unmapped whole, so nothing of it is mapped").isEmpty();
            return;
        }
        BigDecimal carried = result.events().stream().map(OzonMoneyConservationTest::toSeller).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal left = result.unmapped().stream().map(u -> new BigDecimal(u.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(carried.add(left)).as(which + ": events " + carried + " + unmapped " + left + " = amount").isEqualByComparingTo(accrual.amount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"accruals-2026-03-02-page-1.json", "accruals-2026-03-02-page-2.json", "accruals-2026-03-20-return.json"})
    void every_accrual_of_every_fixture_ends_in_events_or_unmapped_records(String fixture) {
        for (Accrual accrual : ozon(fixture, AccrualByDayResponse.class).accruals()) {
            assertConserved(accrual, OzonAccrualMapper.map(ACME, TYPES.get(accrual.typeId()), accrual));
        }
    }

    static Accrual edited(String fixture, int index, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode node = (ObjectNode) EventCodec.mapper().readTree(io.settlehub.marketplace.Fixtures.ozon(fixture)).get("accruals").get(index);
        edit.accept(node);
        return EventCodec.mapper().treeToValue(node, Accrual.class);
    }

    @Test
    void a_sale_whose_amount_its_parts_do_not_make_up_leaves_the_difference_named() throws Exception {
        Accrual accrual = edited("accruals-2026-03-02-page-1.json", 0, node -> node.put("amount", new BigDecimal("3931.50")));
        MappingResult result = OzonAccrualMapper.map(ACME, "OperationAgentDeliveredToCustomer", accrual);
        assertThat(result.events()).hasSize(1);
        assertThat(result.unmapped()).extracting(UnmappedRecord::recordId, UnmappedRecord::field, UnmappedRecord::amount)
                .containsExactly(tuple("ozon:acme:accrual:8812341:amount", "amount", "10.00"));
        assertConserved(accrual, result);
    }

    @Test
    void a_return_crediting_the_seller_and_a_charge_whose_breakdown_disagrees_are_named() throws Exception {
        Accrual returned = edited("accruals-2026-03-20-return.json", 0, node -> {
            BigDecimal amount = node.get("amount").decimalValue().subtract(node.get("accruals_for_sale").decimalValue()).add(new BigDecimal("50"));
            node.put("accruals_for_sale", new BigDecimal("50.00"));
            node.put("amount", amount);
        });
        MappingResult result = OzonAccrualMapper.map(ACME, "ClientReturnAgentOperation", returned);
        assertThat(result.unmapped()).extracting(UnmappedRecord::field, UnmappedRecord::amount).containsExactly(tuple("accruals_for_sale", "50.00"));
        assertConserved(returned, result);

        Accrual storage = edited("accruals-2026-03-02-page-1.json", 1, node -> node.put("amount", new BigDecimal("-60.10")));
        MappingResult charged = OzonAccrualMapper.map(ACME, "OperationMarketplaceServiceStorage", storage);
        assertThat(charged.events()).extracting(e -> ((MarketplaceCharge) e.payload()).amount().amount()).containsExactly(new BigDecimal("60.10"));
        assertThat(charged.unmapped()).extracting(UnmappedRecord::field, UnmappedRecord::amount).containsExactly(tuple("container_fees", "5.00"));
        assertThat(List.of(charged.unmapped().get(0).reason())).allMatch(r -> r.contains("add up to -55.10, its amount is -60.10"));
    }
}
