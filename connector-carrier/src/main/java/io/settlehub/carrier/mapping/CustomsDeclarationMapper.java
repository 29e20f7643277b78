package io.settlehub.carrier.mapping;

import io.settlehub.carrier.partner.customs.Declaration;
import io.settlehub.contract.BusinessCalendar;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.CustomsAssessed;
import io.settlehub.contract.EventPayload.CustomsLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import java.util.List;

/**
 * A customs declaration → {@code CUSTOMS_ASSESSED} of the client, dated the day it was registered (Moscow). The
 * event id carries the revision, so a corrected declaration (a higher revision) is a new event that settlement-core
 * lets replace the earlier one, and the same declaration delivered twice is one event.
 */
public final class CustomsDeclarationMapper {

    public static final String SOURCE = "customs";

    private CustomsDeclarationMapper() {
    }

    public static CanonicalEvent map(String clientId, Declaration declaration) {
        List<CustomsLine> lines = declaration.lines().stream().map(l -> new CustomsLine(l.sku(), l.quantity(),
                money(l.customsValue(), declaration, "customs value of " + l.sku()), money(l.duty(), declaration, "duty of " + l.sku()),
                money(l.vat(), declaration, "VAT of " + l.sku()), money(l.fees(), declaration, "fees of " + l.sku()))).toList();
        return new CanonicalEvent(SOURCE + ":" + clientId + ":" + declaration.number() + ":r" + declaration.revision(),
                EventType.CUSTOMS_ASSESSED, EventCodec.SCHEMA_VERSION, SOURCE, clientId,
                declaration.date().atStartOfDay(BusinessCalendar.ZONE).toInstant(),
                new CustomsAssessed(declaration.number(), declaration.receiptId(), lines,
                        declaration.revision() == 0 ? null : declaration.revision()));
    }

    private static Money money(java.math.BigDecimal amount, Declaration declaration, String what) {
        try {
            return new Money(amount, declaration.currency());
        } catch (IllegalArgumentException e) {
            throw new io.settlehub.connector.support.PartnerFormatException(declaration.source() + ": " + what + ": " + e.getMessage());
        }
    }
}
