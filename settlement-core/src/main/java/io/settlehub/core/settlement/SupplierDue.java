package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import java.math.BigDecimal;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a client's suppliers are owed for goods whose sales have become available: for every order the marketplace
 * has paid in full (nothing pending, nothing held), each lot's units at the lot's unit cost, in the supplier's
 * currency — beside the RUB (sale currency) the client was charged for the same units.
 */
public final class SupplierDue {

    /** Owed to one supplier: in its own currency, and what the client was charged for it. */
    public record Due(Money owed, Money charged) {

        Due plus(Due other) {
            return new Due(owed.plus(other.owed), charged.plus(other.charged));
        }
    }

    private SupplierDue() {
    }

    public static Map<String, Due> of(ClientSettlement settlement) {
        Map<String, Due> due = new TreeMap<>();
        for (OrderSettlement order : settlement.orders()) {
            if (order.sum(LineSettlement::pending).signum() != 0 || order.sum(LineSettlement::held).signum() != 0
                    || order.sum(LineSettlement::available).signum() == 0 && order.marketplacePaid().signum() == 0) {
                continue;
            }
            for (LineSettlement line : order.lines()) {
                Map<String, BigDecimal> exact = new TreeMap<>();
                Map<String, String> currency = new TreeMap<>();
                for (LineSettlement.LotUse lot : line.lots()) {
                    exact.merge(lot.supplierId(), lot.unitGoodsCost().amount().multiply(BigDecimal.valueOf(lot.quantity())),
                            BigDecimal::add);
                    currency.put(lot.supplierId(), lot.unitGoodsCost().currency());
                }
                exact.forEach((supplier, amount) -> due.merge(supplier,
                        new Due(Money.rounded(amount, currency.get(supplier)), line.goodsCostBySupplier().get(supplier)), Due::plus));
            }
        }
        return due;
    }

}
