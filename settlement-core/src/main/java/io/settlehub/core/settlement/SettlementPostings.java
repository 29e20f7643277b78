package io.settlehub.core.settlement;

import io.settlehub.contract.Money;
import io.settlehub.core.ledger.AccountKey;
import io.settlehub.core.ledger.Component;
import io.settlehub.core.settlement.ClientSettlement.Charge;
import io.settlehub.core.settlement.ClientSettlement.ReceivedPayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each figure of a client's settlement lives in the ledger. Every order is booked through the client's
 * clearing account: the gross comes in from the marketplace's receivable, and fees, commission, its VAT, the
 * landed cost and the client's buckets go out of it, so clearing nets to zero for every order.
 */
public final class SettlementPostings {

    public static final String PENDING = "pending";
    public static final String HELD = "held";
    public static final String AVAILABLE = "available";
    public static final String IN_FLIGHT = "inFlight";
    public static final String PAID = "paid";
    public static final List<String> BUCKETS = List.of(PENDING, HELD, AVAILABLE, IN_FLIGHT, PAID);

    private SettlementPostings() {
    }

    public static List<Component> of(ClientSettlement settlement) {
        return of(settlement, null);
    }

    /** The same, reusing the components of orders the memo has already turned into components. */
    public static List<Component> of(ClientSettlement settlement, OrderMemo memo) {
        String client = settlement.clientId();
        List<Component> components = new ArrayList<>();
        for (OrderSettlement order : settlement.orders()) {
            components.addAll(memo == null ? ofOrder(client, order) : memo.components(order, o -> ofOrder(client, o)));
        }
        for (Charge charge : settlement.charges()) {
            String ccy = charge.amount().currency();
            add(components, "charge/" + charge.eventId(), AccountKey.client(client, AVAILABLE, ccy),
                    AccountKey.marketplace(charge.source(), client, ccy), charge.amount());
        }
        for (ReceivedPayout payout : settlement.payouts()) {
            String ccy = payout.amount().currency();
            add(components, "payout/" + payout.source() + "/" + payout.payoutId(), AccountKey.hub("bank", ccy),
                    AccountKey.marketplace(payout.source(), client, ccy), payout.amount());
        }
        return components;
    }

    private static List<Component> ofOrder(String client, OrderSettlement order) {
        List<Component> components = new ArrayList<>();
        String ccy = order.currency();
        String scope = "order/" + order.source() + "/" + order.orderId() + "/";
        AccountKey clearing = AccountKey.clearing(client, ccy);
        AccountKey marketplace = AccountKey.marketplace(order.source(), client, ccy);
        add(components, scope + "gross", marketplace, clearing, order.sum(LineSettlement::gross));
        add(components, scope + "marketplace-fees", clearing, marketplace, order.sum(LineSettlement::marketplaceFees));
        add(components, scope + "commission", clearing, AccountKey.hub("commission", ccy), order.sum(LineSettlement::serviceCommission));
        add(components, scope + "commission-vat", clearing, AccountKey.hub("vat-payable", ccy), order.sum(LineSettlement::commissionVat));
        order.lines().stream().flatMap(l -> l.goodsCostBySupplier().entrySet().stream())
                .collect(java.util.stream.Collectors.groupingBy(java.util.Map.Entry::getKey, java.util.TreeMap::new,
                        java.util.stream.Collectors.reducing(Money.zero(ccy), java.util.Map.Entry::getValue, Money::plus)))
                .forEach((supplier, amount) -> add(components, scope + "goods/" + supplier, clearing,
                        AccountKey.supplier(supplier, ccy), amount));
        add(components, scope + "customs", clearing, AccountKey.hub("customs-recovery", ccy), order.sum(LineSettlement::customsCost));
        add(components, scope + "logistics", clearing, AccountKey.hub("logistics-recovery", ccy), order.sum(LineSettlement::logisticsCost));
        add(components, scope + PENDING, clearing, AccountKey.client(client, PENDING, ccy), order.sum(LineSettlement::pending));
        add(components, scope + HELD, clearing, AccountKey.client(client, HELD, ccy), order.sum(LineSettlement::held));
        add(components, scope + AVAILABLE, clearing, AccountKey.client(client, AVAILABLE, ccy), order.sum(LineSettlement::available));
        return List.copyOf(components);
    }

    private static void add(List<Component> components, String key, AccountKey debit, AccountKey credit, Money amount) {
        if (!amount.isZero()) {
            components.add(new Component(key, debit, credit, amount));
        }
    }
}
