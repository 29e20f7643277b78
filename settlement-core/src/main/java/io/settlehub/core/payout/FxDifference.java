package io.settlehub.core.payout;

import io.settlehub.contract.Allocation;
import io.settlehub.contract.Money;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Bucket;
import io.settlehub.core.ledger.HubAccount;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.settlement.Agreement.FxDifferenceBearer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier payment's FX difference: what the bank debited for it less what the client was charged when it was
 * created (positive: it cost more). {@code change} is what is still to post of it, after what was posted before (a
 * payment priced again by a later rate); {@code byOrder} splits the difference over the orders the payment paid a
 * positive amount for, by what each was charged, to the last kopeck.
 */
public record FxDifference(Money difference, Money change, Map<String, BigDecimal> byOrder) {

    /** {@code chargedByOrder}: what the client was charged for each order's goods in this payment, in payment order. */
    public static FxDifference of(Money debited, Money charged, BigDecimal alreadyPosted, Map<String, BigDecimal> chargedByOrder) {
        Money difference = debited.minus(charged);
        Money change = difference.minus(new Money(alreadyPosted, charged.currency()));
        List<String> orders = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        chargedByOrder.forEach((order, amount) -> {
            if (amount.signum() > 0) {
                orders.add(order);
                weights.add(amount);
            }
        });
        Map<String, BigDecimal> byOrder = new LinkedHashMap<>();
        if (!orders.isEmpty()) {
            List<BigDecimal> parts = Allocation.largestRemainder(difference.amount(), difference.currency(), weights);
            for (int i = 0; i < orders.size(); i++) {
                byOrder.put(orders.get(i), parts.get(i));
            }
        }
        return new FxDifference(difference, change, byOrder);
    }

    /** Who bears the difference: the client's {@code available} or the hub's FX differences account, as agreed. */
    public static AccountKey bearer(FxDifferenceBearer bornBy, String clientId, String currency) {
        return bornBy == FxDifferenceBearer.CLIENT ? AccountKey.client(clientId, Bucket.AVAILABLE, currency)
                : AccountKey.hub(HubAccount.FX_DIFFERENCES, currency);
    }

    /** The change as a transfer between the bearer and the hub's bank account: none when nothing changed. */
    public Optional<Transfer> transfer(AccountKey bearer, String clientId, String component, String cause) {
        AccountKey bank = AccountKey.hub(HubAccount.BANK, change.currency());
        if (change.signum() > 0) {
            return Optional.of(new Transfer(bearer, bank, change, clientId, component, cause));
        }
        if (change.signum() < 0) {
            return Optional.of(new Transfer(bank, bearer, change.negate(), clientId, component, cause));
        }
        return Optional.empty();
    }
}
