package io.settlehub.core.settlement;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.Currencies;
import io.settlehub.contract.EventPayload.CustomsAssessed;
import io.settlehub.contract.EventPayload.CustomsLine;
import io.settlehub.contract.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks each line of a customs declaration (the revision in force) against the dated tariff of its date: duty =
 * r(customs value × the SKU's duty rate), customs VAT = r((customs value + duty) × the standard VAT rate). The
 * declaration stays what the landed cost is built from; a line that differs by more than one minor unit (the customs
 * office rounds per line) is reported for an operator to query with the broker.
 */
public final class CustomsCheck {

    /** One declared amount that is not what the tariff of the declaration's date gives. */
    public record Deviation(String eventId, String declarationId, String sku, String charge, Money declared, Money expected,
                            BigDecimal rate, LocalDate date) {

        public Money difference() {
            return declared.minus(expected);
        }
    }

    private CustomsCheck() {
    }

    public static List<Deviation> of(List<CanonicalEvent> declarations, ReferenceData reference) {
        List<Deviation> found = new ArrayList<>();
        for (CanonicalEvent event : LotBook.latestDeclarations(declarations)) {
            CustomsAssessed declaration = (CustomsAssessed) event.payload();
            LocalDate date = event.businessDate();
            for (CustomsLine line : declaration.lines()) {
                Optional<BigDecimal> duty = reference.dutyRate(line.sku(), date);
                if (duty.isPresent()) {
                    check(found, event, declaration, line.sku(), "duty", line.duty(), line.customsValue().amount(), duty.get(), date);
                }
                Optional<BigDecimal> vat = reference.standardVatRate(date);
                if (vat.isPresent()) {
                    check(found, event, declaration, line.sku(), "customs VAT", line.vat(),
                            line.customsValue().amount().add(line.duty().amount()), vat.get(), date);
                }
            }
        }
        return found;
    }

    private static void check(List<Deviation> found, CanonicalEvent event, CustomsAssessed declaration, String sku, String charge,
                              Money declared, BigDecimal base, BigDecimal rate, LocalDate date) {
        Money expected = Money.rounded(base.multiply(rate), declared.currency());
        BigDecimal oneMinorUnit = BigDecimal.ONE.movePointLeft(Currencies.minorUnits(declared.currency()));
        if (declared.minus(expected).amount().abs().compareTo(oneMinorUnit) > 0) {
            found.add(new Deviation(event.eventId(), declaration.declarationId(), sku, charge, declared, expected, rate, date));
        }
    }
}
