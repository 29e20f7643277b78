package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.time.Instant;

/**
 * One order's figures as the ledger holds them, summed over its lines: what a client's page lists without deriving
 * anything. Kept beside the order's checkpoint state, written in the transaction that posts the order's transfers.
 * {@code held} is the client's share of the hold; {@code outstandingHold} the marketplace's hold itself, released
 * (the marketplace expects) at {@code expectedRelease}.
 */
public record OrderFigures(String orderId, String source, Instant soldAt, String currency, Money gross, Money marketplaceFees,
                           Money commission, Money landedCost, Money clientNet, Money pending, Money held, Money available,
                           Money outstandingHold, Instant expectedRelease, Money marketplacePaid, Money paidBeyond) {

    public static OrderFigures of(OrderSettlement o) {
        return new OrderFigures(o.orderId(), o.source(), o.soldAt(), o.currency(), o.sum(LineSettlement::gross),
                o.sum(LineSettlement::marketplaceFees), o.sum(LineSettlement::serviceCommission).plus(o.sum(LineSettlement::commissionVat)),
                o.sum(LineSettlement::landedCost), o.sum(LineSettlement::clientNet), o.sum(LineSettlement::pending),
                o.sum(LineSettlement::held), o.sum(LineSettlement::available), o.outstandingHold(), o.expectedRelease(), o.marketplacePaid(), o.paidBeyondNet());
    }

    public boolean holding() {
        return outstandingHold.signum() > 0;
    }
}
