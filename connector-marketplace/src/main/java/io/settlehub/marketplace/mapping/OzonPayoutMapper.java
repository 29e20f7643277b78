package io.settlehub.marketplace.mapping;

import io.settlehub.connector.support.json.PartnerJson;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.connector.support.MappingResult;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.marketplace.config.OzonProperties.Account;
import io.settlehub.marketplace.partner.ozon.CashFlowStatementResponse.Details;
import io.settlehub.marketplace.partner.ozon.CashFlowStatementResponse.Payment;
import java.util.ArrayList;
import java.util.List;

/**
 * Payments in the cash-flow statement → {@code MARKETPLACE_PAYOUT}. Ozon does not list the postings a payment
 * covers, so the payout carries no orders and settlement-core applies it to unpaid orders oldest first.
 */
public final class OzonPayoutMapper {

    private OzonPayoutMapper() {
    }

    public static MappingResult map(Account account, Details details) {
        List<CanonicalEvent> events = new ArrayList<>();
        List<UnmappedRecord> unmapped = new ArrayList<>();
        long period = details.period().id();
        for (int i = 0; i < details.payments().size(); i++) {
            Payment payment = details.payments().get(i);
            String id = "ozon:" + account.clientId() + ":payout:" + period + ":" + i;
            try {
                Money amount = new Money(payment.payment(), payment.currencyCode() == null ? "RUB" : payment.currencyCode());
                if (amount.signum() <= 0) {
                    unmapped.add(new UnmappedRecord(OzonAccrualMapper.SOURCE, account.clientId(), id,
                            "a payment that is not positive: " + amount, PartnerJson.write(payment)));
                    continue;
                }
                events.add(new CanonicalEvent(id, EventType.MARKETPLACE_PAYOUT, EventCodec.SCHEMA_VERSION, OzonAccrualMapper.SOURCE,
                        account.clientId(), OzonAccrualMapper.instant(details.period().end()),
                        new MarketplacePayout(period + "-" + i, amount, List.of())));
            } catch (RuntimeException e) {
                unmapped.add(new UnmappedRecord(OzonAccrualMapper.SOURCE, account.clientId(), id, "cannot map: " + e.getMessage(),
                        PartnerJson.write(payment)));
            }
        }
        return new MappingResult(events, unmapped);
    }
}
