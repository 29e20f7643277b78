package io.settlehub.core.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.Agreement;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaymentPurposeTest {

    private static Agreement agreement(String name, String bankId, BigDecimal payoutVatRate) {
        return new Agreement("acme", name, new BigDecimal("0.05"), new BigDecimal("0.22"), "RUB", Money.of("500.00", "RUB"),
                Agreement.FxDifferenceBearer.CLIENT, true, "cbr",
                new Agreement.BankAccount("ООО «Акме Импорт»", "40702810900000000001", bankId, "7701234567", "770101001"), payoutVatRate);
    }

    @Test
    void anAgentsPayoutToARussianBankIsInRussianAndNotSubjectToVat() {
        String purpose = PaymentPurpose.clientPayout(agreement("Acme Import", "044525225", null), Money.of("3144.00", "RUB"));

        assertThat(purpose).isEqualTo("Перечисление выручки от продаж на маркетплейсах за вычетом вознаграждения агента, Acme Import. "
                + "НДС не облагается");
    }

    @Test
    void whenTheAgreementSaysThePayoutCarriesVatItsAmountIsStated() {
        String purpose = PaymentPurpose.clientPayout(agreement("Acme Import", "044525225", new BigDecimal("0.22")), Money.of("3144.00", "RUB"));

        // 3,144.00 × 22 / 122 = 566.95 (566.950…, half up)
        assertThat(purpose).endsWith("В т.ч. НДС (22%) 566,95 руб.");
        assertThat(PaymentPurpose.vatWording(Money.of("100.00", "RUB"), new BigDecimal("0.10"))).isEqualTo("В т.ч. НДС (10%) 9,09 руб.");
        assertThat(PaymentPurpose.vatWording(Money.of("100.00", "RUB"), BigDecimal.ZERO)).isEqualTo("НДС не облагается");
    }

    @Test
    void aLongNameIsShortenedButTheVatWordingAlwaysFits() {
        String purpose = PaymentPurpose.clientPayout(agreement("А".repeat(160), "044525225", new BigDecimal("0.22")), Money.of("1.00", "RUB"));

        assertThat(purpose).hasSize(PaymentPurpose.MAX_RUSSIAN).endsWith("В т.ч. НДС (22%) 0,18 руб.");
    }

    @Test
    void aPayoutToABankAbroadKeepsAnEnglishPurpose() {
        assertThat(PaymentPurpose.clientPayout(agreement("Acme Import", "BKCHCNBJ45A", null), Money.of("10.00", "CNY")))
                .isEqualTo("Payout of marketplace sales to Acme Import");
    }
}
