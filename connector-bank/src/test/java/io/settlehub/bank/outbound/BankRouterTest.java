package io.settlehub.bank.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.bank.config.BankProperties;
import io.settlehub.bank.config.BankProperties.BankProfile;
import io.settlehub.contract.Money;
import io.settlehub.contract.PaymentInstruction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first eligible bank by currency, payee country and amount, skipping the banks already tried. */
class BankRouterTest {

    static final BankProfile SBER = new BankProfile("sber", BankProperties.Format.CLIENT_BANK_1C, null, null, Set.of("RUB"), Set.of("RU"), null);
    static final BankProfile VTB_LIMIT = new BankProfile("vtb", BankProperties.Format.ISO20022, null, null, Set.of("RUB", "CNY"), Set.of(),
            new BigDecimal("100000.00"));
    static final BankProfile BOC = new BankProfile("boc", BankProperties.Format.ISO20022, null, null, Set.of("CNY"), Set.of("CN"), null);
    static final List<BankProfile> BANKS = List.of(SBER, VTB_LIMIT, BOC);

    static PaymentInstruction pay(String amount, String currency, String bankId) {
        return new PaymentInstruction("SH1", "acme", new PaymentInstruction.Payee("Payee", "40702810900000000001", bankId, null),
                Money.of(amount, currency), "test", LocalDate.of(2026, 11, 27));
    }

    @Test
    void currency_country_and_amount_choose_the_bank_in_the_order_configured() {
        assertThat(BankRouter.choose(BANKS, pay("1500.00", "RUB", "044525225"), Set.of())).contains(SBER);
        assertThat(BankRouter.choose(BANKS, pay("360.00", "CNY", "BKCHCNBJ45A"), Set.of())).contains(VTB_LIMIT);
        assertThat(BankRouter.choose(BANKS, pay("250000.00", "CNY", "BKCHCNBJ45A"), Set.of())).as("above vtb's limit").contains(BOC);
        assertThat(BankRouter.choose(BANKS, pay("360.00", "CNY", "BKCHCNBJ45A"), Set.of("vtb"))).as("after vtb refused it").contains(BOC);
        assertThat(BankRouter.choose(BANKS, pay("100.00", "USD", "CHASUS33"), Set.of())).isEmpty();
    }

    @Test
    void the_payee_country_is_read_from_a_bic_or_a_bik() {
        assertThat(BankRouter.countryOf("BKCHCNBJ45A")).isEqualTo("CN");
        assertThat(BankRouter.countryOf("ICBKCNBJNBO")).isEqualTo("CN");
        assertThat(BankRouter.countryOf("044525225")).isEqualTo("RU");
        assertThat(BankRouter.countryOf("not a bank")).isNull();
    }
}
