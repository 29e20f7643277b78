package io.settlehub.core.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Money;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.HubAccount;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.settlement.Agreement.FxDifferenceBearer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FxDifferenceTest {

    static Money rub(String amount) {
        return new Money(new BigDecimal(amount), "RUB");
    }

    @Test
    void a_payment_that_cost_more_is_borne_as_agreed_and_split_over_the_orders_it_paid_by_their_charge() {
        Map<String, BigDecimal> charged = new LinkedHashMap<>();
        charged.put("ozon/A", new BigDecimal("1280.00"));
        charged.put("ozon/B", new BigDecimal("640.00"));
        charged.put("ozon/C", new BigDecimal("-640.00")); // returned: netted in this payment, bears no part
        // 50.00 CNY charged at 12.80 = 1,280.00 RUB net; the bank debited 1,300.00
        FxDifference fx = FxDifference.of(rub("1300.00"), rub("1280.00"), BigDecimal.ZERO, charged);

        assertThat(fx.difference()).isEqualTo(rub("20.00"));
        assertThat(fx.change()).isEqualTo(rub("20.00"));
        assertThat(fx.byOrder()).containsExactly(Map.entry("ozon/A", new BigDecimal("13.33")), Map.entry("ozon/B", new BigDecimal("6.67")));
        AccountKey client = FxDifference.bearer(FxDifferenceBearer.CLIENT, "acme", "RUB");
        assertThat(client).isEqualTo(AccountKey.client("acme", Bucket.AVAILABLE, "RUB"));
        assertThat(fx.transfer(client, "acme", "payment/X/fx-difference", "ev-1")).contains(new Transfer(client,
                AccountKey.hub(HubAccount.BANK, "RUB"), rub("20.00"), "acme", "payment/X/fx-difference", "ev-1"));
        assertThat(FxDifference.bearer(FxDifferenceBearer.SERVICE, "acme", "RUB")).isEqualTo(AccountKey.hub(HubAccount.FX_DIFFERENCES, "RUB"));
    }

    @Test
    void a_payment_priced_again_posts_only_what_changed_and_a_cheaper_one_returns_money_to_the_bearer() {
        Map<String, BigDecimal> charged = Map.of("ozon/A", new BigDecimal("1280.00"));
        AccountKey hub = FxDifference.bearer(FxDifferenceBearer.SERVICE, "acme", "RUB");

        assertThat(FxDifference.of(rub("1300.00"), rub("1280.00"), new BigDecimal("20.00"), charged).transfer(hub, "acme", "c", "e"))
                .as("priced the same again").isEmpty();
        FxDifference cheaper = FxDifference.of(rub("1270.00"), rub("1280.00"), new BigDecimal("20.00"), charged);
        assertThat(cheaper.difference()).isEqualTo(rub("-10.00"));
        assertThat(cheaper.change()).isEqualTo(rub("-30.00"));
        assertThat(cheaper.transfer(hub, "acme", "c", "e")).contains(new Transfer(AccountKey.hub(HubAccount.BANK, "RUB"), hub,
                rub("30.00"), "acme", "c", "e"));
        assertThat(cheaper.byOrder()).containsExactly(Map.entry("ozon/A", new BigDecimal("-10.00")));
    }

    @Property(tries = 200)
    void the_orders_shares_add_up_to_the_difference(@ForAll @IntRange(min = 1, max = 9_999_999) int debitedKopecks,
                                                     @ForAll @IntRange(min = 1, max = 99_999) int a, @ForAll @IntRange(min = 1, max = 99_999) int b,
                                                     @ForAll @IntRange(min = 1, max = 99_999) int c) {
        Map<String, BigDecimal> charged = new LinkedHashMap<>();
        charged.put("A", BigDecimal.valueOf(a, 2));
        charged.put("B", BigDecimal.valueOf(b, 2));
        charged.put("C", BigDecimal.valueOf(c, 2));
        Money total = new Money(BigDecimal.valueOf(a + b + c, 2), "RUB");
        FxDifference fx = FxDifference.of(new Money(BigDecimal.valueOf(debitedKopecks, 2), "RUB"), total, BigDecimal.ZERO, charged);
        assertThat(fx.byOrder().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(fx.difference().amount());
    }
}
