package io.settlehub.core.settlement.service;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventType;
import io.settlehub.core.settlement.Discrepancies;
import io.settlehub.core.settlement.Discrepancies.Discrepancy;
import io.settlehub.core.settlement.Discrepancies.PaidBeyond;
import io.settlehub.core.settlement.service.SettlementService;
import io.settlehub.core.settlement.store.ClientRepository;
import io.settlehub.core.settlement.store.FactRepository;
import io.settlehub.core.settlement.store.OrderFiguresRepository;
import io.settlehub.core.settlement.store.ParkedRepository;
import io.settlehub.core.settlement.store.ReferenceDataRepository;
import io.settlehub.core.settlement.store.SettledStateRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients' discrepancies, read from what ingest keeps: the orders paid beyond what was owed, and the payouts, bank
 * credits and customs declarations (a few per day, not per operation), with what waits for something. Only a client
 * whose settled state a derivation alone can tell (a payout without its orders, no checkpoint yet, rates changed since)
 * is derived whole.
 */
@Service
public class DiscrepancyReads {

    private static final List<String> TYPES = List.of(EventType.MARKETPLACE_PAYOUT.name(), EventType.BANK_CREDIT.name(),
            EventType.CUSTOMS_ASSESSED.name());

    private final ClientRepository clients;
    private final SettledStateRepository state;
    private final FactRepository facts;
    private final ParkedRepository parked;
    private final OrderFiguresRepository orders;
    private final ReferenceDataRepository referenceData;
    private final SettlementService settlement;

    DiscrepancyReads(ClientRepository clients, SettledStateRepository state, FactRepository facts, ParkedRepository parked,
                     OrderFiguresRepository orders, ReferenceDataRepository referenceData, SettlementService settlement) {
        this.clients = clients;
        this.state = state;
        this.facts = facts;
        this.parked = parked;
        this.orders = orders;
        this.referenceData = referenceData;
        this.settlement = settlement;
    }

    /** Every client's discrepancies, client by client. */
    @Transactional(readOnly = true)
    public List<Discrepancy> all() {
        return of(clients.clientsWithAgreement());
    }

    /** These clients' discrepancies (those without an agreement have none), client by client. */
    @Transactional(readOnly = true)
    public List<Discrepancy> of(Collection<String> clientIds) {
        ReferenceDataRepository.Versioned reference = referenceData.loadVersioned();
        Set<String> stored = state.continuable(clientIds, reference.version());
        Map<String, List<CanonicalEvent>> found = facts.factsOfTypes(stored, TYPES);
        Map<String, Set<String>> waiting = parked.waitingIds(stored);
        Map<String, List<PaidBeyond>> paidBeyond = new java.util.HashMap<>();
        orders.paidBeyond(stored).forEach((client, figures) -> paidBeyond.put(client, figures.stream()
                .map(o -> new PaidBeyond(o.orderId(), o.source(), o.marketplacePaid(), o.paidBeyond())).toList()));
        List<Discrepancy> all = new ArrayList<>();
        for (String clientId : new TreeSet<>(clientIds)) {
            if (!stored.contains(clientId)) {
                settlement.settlementOf(clientId).ifPresent(s -> all.addAll(Discrepancies.of(s)));
                continue;
            }
            List<CanonicalEvent> own = found.getOrDefault(clientId, List.of());
            all.addAll(Discrepancies.ofStored(clientId, ofType(own, EventType.MARKETPLACE_PAYOUT), waiting.getOrDefault(clientId, Set.of()),
                    paidBeyond.getOrDefault(clientId, List.of()), ofType(own, EventType.BANK_CREDIT),
                    ofType(own, EventType.CUSTOMS_ASSESSED), reference.book()));
        }
        return all;
    }

    private static List<CanonicalEvent> ofType(List<CanonicalEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }
}
