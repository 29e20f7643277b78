package io.settlehub.core.settlement;

import io.settlehub.core.ledger.HubAccount;
import io.settlehub.core.ledger.Bucket;
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

    private SettlementPostings() {
    }

    public static List<Component> of(ClientSettlement settlement) {
        String client = settlement.clientId();
        List<Component> components = new ArrayList<>();
        for (OrderSettlement order : settlement.orders()) {
            components.addAll(ofOrder(client, order));
        }
        for (Charge charge : settlement.charges()) {
            String ccy = charge.amount().currency();
            add(components, chargeKey(charge.eventId()), AccountKey.client(client, Bucket.AVAILABLE, ccy),
                    AccountKey.marketplace(charge.source(), client, ccy), charge.amount());
        }
        for (ReceivedPayout payout : settlement.payouts()) {
            String ccy = payout.amount().currency();
            add(components, payoutKey(payout.source(), payout.payoutId()), AccountKey.hub(HubAccount.BANK, ccy),
                    AccountKey.marketplace(payout.source(), client, ccy), payout.amount());
        }
        return components;
    }

    /** Of these orders, the ids of those a transfer among {@code transfers} moved a figure of. */
    public static java.util.Set<String> ordersMoved(List<OrderSettlement> orders, java.util.Collection<io.settlehub.core.ledger.Transfer> transfers) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        transfers.forEach(t -> keys.add(t.component()));
        java.util.Set<String> moved = new java.util.HashSet<>();
        for (OrderSettlement order : orders) {
            String scope = orderScope(order.source(), order.orderId());
            String next = keys.ceiling(scope);
            if (next != null && next.startsWith(scope)) {
                moved.add(order.orderId());
            }
        }
        return moved;
    }

    public static String chargeKey(String eventId) {
        return "charge/" + eventId;
    }

    public static String payoutKey(String source, String payoutId) {
        return "payout/" + source + "/" + payoutId;
    }

    /** The prefix of every component key of the order. */
    public static String orderScope(String source, String orderId) {
        return "order/" + source + "/" + orderId + "/";
    }

    private static List<Component> ofOrder(String client, OrderSettlement order) {
        List<Component> components = new ArrayList<>();
        String ccy = order.currency();
        String scope = orderScope(order.source(), order.orderId());
        AccountKey clearing = AccountKey.clearing(client, ccy);
        AccountKey marketplace = AccountKey.marketplace(order.source(), client, ccy);
        add(components, scope + "gross", marketplace, clearing, order.sum(LineSettlement::gross));
        add(components, scope + "marketplace-fees", clearing, marketplace, order.sum(LineSettlement::marketplaceFees));
        add(components, scope + "commission", clearing, AccountKey.hub(HubAccount.COMMISSION, ccy), order.sum(LineSettlement::serviceCommission));
        add(components, scope + "commission-vat", clearing, AccountKey.hub(HubAccount.VAT_PAYABLE, ccy), order.sum(LineSettlement::commissionVat));
        order.lines().stream().flatMap(l -> l.goodsCostBySupplier().entrySet().stream())
                .collect(java.util.stream.Collectors.groupingBy(java.util.Map.Entry::getKey, java.util.TreeMap::new,
                        java.util.stream.Collectors.reducing(Money.zero(ccy), java.util.Map.Entry::getValue, Money::plus)))
                .forEach((supplier, amount) -> add(components, scope + "goods/" + supplier, clearing,
                        AccountKey.supplier(supplier, ccy), amount));
        add(components, scope + "customs", clearing, AccountKey.hub(HubAccount.CUSTOMS_RECOVERY, ccy), order.sum(LineSettlement::customsCost));
        add(components, scope + "logistics", clearing, AccountKey.hub(HubAccount.LOGISTICS_RECOVERY, ccy), order.sum(LineSettlement::logisticsCost));
        add(components, scope + Bucket.PENDING.kind(), clearing, AccountKey.client(client, Bucket.PENDING, ccy), order.sum(LineSettlement::pending));
        add(components, scope + Bucket.HELD.kind(), clearing, AccountKey.client(client, Bucket.HELD, ccy), order.sum(LineSettlement::held));
        add(components, scope + Bucket.AVAILABLE.kind(), clearing, AccountKey.client(client, Bucket.AVAILABLE, ccy),
                order.sum(LineSettlement::available));
        return List.copyOf(components);
    }

    private static void add(List<Component> components, String key, AccountKey debit, AccountKey credit, Money amount) {
        if (!amount.isZero()) {
            components.add(new Component(key, debit, credit, amount));
        }
    }
}
