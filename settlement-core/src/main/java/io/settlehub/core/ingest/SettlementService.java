package io.settlehub.core.ingest;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventType;
import io.settlehub.core.ledger.Component;
import io.settlehub.core.ledger.PostingPlan;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.settlement.AgreementTerms;
import io.settlehub.core.settlement.ClientSettlement;
import io.settlehub.core.settlement.Parked;
import io.settlehub.core.settlement.RateBook;
import io.settlehub.core.settlement.SettlementCalculator;
import io.settlehub.core.settlement.SettlementPostings;
import io.settlehub.core.store.ClientRepository;
import io.settlehub.core.store.FactRepository;
import io.settlehub.core.store.FactRepository.RecordedFact;
import io.settlehub.core.store.LedgerRepository;
import io.settlehub.core.store.ParkedRepository;
import io.settlehub.core.store.ReferenceDataRepository;
import java.util.*;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies canonical events: records each new fact once, re-derives the settlement of every client the batch
 * touches and posts the difference to the ledger — all in the caller's one database transaction.
 */
@Service
public class SettlementService {

    private final FactRepository facts;
    private final ClientRepository clients;
    private final LedgerRepository ledger;
    private final ParkedRepository parked;
    private final ReferenceDataRepository referenceData;
    private final PaymentStatusHandler paymentStatuses;
    private final ClientStateCache cache;

    public SettlementService(FactRepository facts, ClientRepository clients, LedgerRepository ledger, ParkedRepository parked,
                             ReferenceDataRepository referenceData, PaymentStatusHandler paymentStatuses, ClientStateCache cache) {
        this.cache = cache;
        this.facts = facts;
        this.clients = clients;
        this.ledger = ledger;
        this.parked = parked;
        this.referenceData = referenceData;
        this.paymentStatuses = paymentStatuses;
    }

    /** What a batch did: how many events were new, already applied, or conflicting. */
    public record IngestResult(int applied, int duplicates, int conflicts) {
    }

    @Transactional
    public IngestResult ingest(List<CanonicalEvent> events) {
        Map<String, RecordedFact> incoming = new LinkedHashMap<>();
        int duplicates = 0;
        int conflicts = 0;
        for (CanonicalEvent event : events) {
            String body = EventCodec.encode(event);
            RecordedFact fact = new RecordedFact(event, body, sha256(body));
            RecordedFact earlier = incoming.putIfAbsent(event.eventId(), fact);
            if (earlier != null) {
                if (earlier.hash().equals(fact.hash())) {
                    duplicates++;
                } else {
                    conflicts++;
                    parkConflict(fact);
                }
            }
        }
        Map<String, String> known = facts.existingHashes(incoming.keySet());
        List<RecordedFact> fresh = new ArrayList<>();
        for (RecordedFact fact : incoming.values()) {
            String hash = known.get(fact.event().eventId());
            if (hash == null) {
                fresh.add(fact);
            } else if (hash.equals(fact.hash())) {
                duplicates++;
            } else {
                conflicts++;
                parkConflict(fact);
            }
        }
        facts.insert(fresh);

        String rateCause = fresh.stream().filter(f -> f.event().type() == EventType.FX_RATE).findFirst()
                .map(f -> f.event().eventId()).orElse(null);
        boolean ratesChanged = rateCause != null;
        Map<String, String> causeByClient = new TreeMap<>();
        for (RecordedFact fact : fresh) {
            CanonicalEvent event = fact.event();
            if (event.type() != EventType.FX_RATE && event.type() != EventType.PAYMENT_STATUS) {
                causeByClient.merge(event.clientId(), event.eventId(), (a, b) -> a.endsWith("…") ? a : a + " …");
            }
        }
        if (ratesChanged) {
            clients.allClients().forEach(c -> causeByClient.putIfAbsent(c, rateCause));
        }
        RateBook rates = causeByClient.isEmpty() ? null : referenceData.load();
        if (ratesChanged) {
            parked.replaceWaiting(java.util.Collections.singletonMap(null, rates.conflicts()));
        }
        Map<String, Long> versions = clients.lock(causeByClient.keySet());
        Map<String, List<CanonicalEvent>> freshByClient = new HashMap<>();
        fresh.forEach(f -> freshByClient.computeIfAbsent(f.event().clientId(), c -> new ArrayList<>()).add(f.event()));
        SettlementWrites writes = new SettlementWrites();
        causeByClient.forEach((client, cause) -> resettleLocked(client, versions.get(client),
                freshByClient.getOrDefault(client, List.of()), rates, cause, writes));
        writes.write(ledger, clients, parked);
        fresh.stream().filter(f -> f.event().type() == EventType.PAYMENT_STATUS)
                .sorted(Comparator.comparing((RecordedFact f) -> f.event().occurredAt()))
                .forEach(f -> paymentStatuses.apply(f.event()));
        if (ratesChanged) {
            paymentStatuses.ratesChanged(fresh.stream().filter(f -> f.event().type() == EventType.FX_RATE)
                    .map(f -> ((io.settlehub.contract.EventPayload.FxRate) f.event().payload()).date()).min(Comparator.naturalOrder())
                    .orElseThrow(), rateCause);
        }
        return new IngestResult(fresh.size(), duplicates, conflicts);
    }

    /** Re-derives a client after its agreement changed. */
    @Transactional
    public void resettle(String clientId, String cause) {
        long version = clients.lock(List.of(clientId)).get(clientId);
        cache.evict(List.of(clientId));
        SettlementWrites writes = new SettlementWrites();
        resettleLocked(clientId, version, List.of(), referenceData.load(), cause, writes);
        writes.write(ledger, clients, parked);
    }

    /**
     * Re-derives one locked client. From the cache when it holds the client at the locked version (then the
     * batch's new facts are added to it), else from the database (where the new facts already are).
     */
    private void resettleLocked(String clientId, long version, List<CanonicalEvent> newFacts, RateBook rates, String cause,
                                SettlementWrites writes) {
        ClientStateCache.CachedClient cached = cache.get(clientId, version);
        List<CanonicalEvent> clientFacts;
        Map<String, Component> current;
        io.settlehub.core.settlement.OrderMemo memo;
        if (cached != null) {
            clientFacts = new ArrayList<>(cached.facts());
            newFacts.stream().filter(e -> e.type() != EventType.FX_RATE).forEach(clientFacts::add);
            current = cached.components();
            memo = cached.memo();
        } else {
            clientFacts = facts.factsOf(clientId);
            current = byKey(ledger.components(clientId));
            memo = new io.settlehub.core.settlement.OrderMemo();
        }
        Optional<AgreementTerms> agreement = clients.agreementTerms(clientId);
        if (agreement.isEmpty()) {
            writes.parked(clientId, clientFacts.stream()
                    .filter(e -> e.type() != EventType.PAYMENT_STATUS)
                    .map(e -> new Parked(e.eventId(), clientId, e.type(),
                            "unknown client '" + clientId + "': no agreement yet (PUT /api/clients/" + clientId + ")"))
                    .toList());
            return;
        }
        ClientSettlement settlement = SettlementCalculator.settle(agreement.get(), clientFacts, rates, memo);
        Map<String, Component> target = byKey(SettlementPostings.of(settlement, memo));
        List<Transfer> transfers = PostingPlan.difference(clientId, current, target, cause);
        writes.settled(clientId, transfers);
        writes.parked(clientId, settlement.parked());
        long newVersion = transfers.isEmpty() ? version : version + 1;
        rememberAfterCommit(clientId, new ClientStateCache.CachedClient(newVersion, List.copyOf(clientFacts), target, memo));
    }

    private void rememberAfterCommit(String clientId, ClientStateCache.CachedClient state) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    cache.put(clientId, state);
                } else {
                    cache.evict(List.of(clientId));
                }
            }
        });
    }

    private static Map<String, Component> byKey(Collection<Component> components) {
        return PostingPlan.index(components);
    }

    /** One order's client net as the ledger held it before a recalculation and after. */
    public record OrderChange(String orderId, java.time.LocalDate soldOn, io.settlehub.contract.Money clientNetBefore,
                              io.settlehub.contract.Money clientNetAfter) {
    }

    /**
     * Re-derives the client now (with the agreement versions and reference data in force) by new transfers only, and
     * answers the orders sold on or after {@code from} whose client net moved.
     */
    @Transactional
    public List<OrderChange> recalculate(String clientId, java.time.LocalDate from) {
        clients.lock(List.of(clientId));
        Map<String, io.settlehub.contract.Money> before = bookedClientNet(clientId);
        resettle(clientId, "recalculate/" + clientId + "/" + from);
        Map<String, io.settlehub.contract.Money> after = bookedClientNet(clientId);
        List<OrderChange> changes = new ArrayList<>();
        for (var order : settlementOf(clientId).map(ClientSettlement::orders).orElse(List.of())) {
            java.time.LocalDate soldOn = io.settlehub.contract.BusinessCalendar.dateOf(order.soldAt());
            String key = order.source() + "/" + order.orderId();
            io.settlehub.contract.Money zero = io.settlehub.contract.Money.zero(order.currency());
            io.settlehub.contract.Money was = before.getOrDefault(key, zero);
            io.settlehub.contract.Money now = after.getOrDefault(key, zero);
            if (!soldOn.isBefore(from) && !was.equals(now)) {
                changes.add(new OrderChange(order.orderId(), soldOn, was, now));
            }
        }
        return changes;
    }

    /** Per order ("source/orderId"), the client net the ledger holds: its pending, held and available parts. */
    private Map<String, io.settlehub.contract.Money> bookedClientNet(String clientId) {
        Map<String, io.settlehub.contract.Money> net = new HashMap<>();
        for (Component component : ledger.components(clientId)) {
            String[] parts = component.key().split("/");
            if (parts.length != 4 || !parts[0].equals("order") || !SettlementPostings.BUCKETS.contains(parts[3])) {
                continue;
            }
            boolean intoBucket = component.credit().kind().equals(parts[3]);
            io.settlehub.contract.Money part = intoBucket ? component.amount() : component.amount().negate();
            net.merge(parts[1] + "/" + parts[2], part, io.settlehub.contract.Money::plus);
        }
        return net;
    }

    @Transactional(readOnly = true)
    public Optional<ClientSettlement> settlementOf(String clientId) {
        return clients.agreementTerms(clientId).map(terms -> SettlementCalculator.settle(terms, facts.factsOf(clientId),
                referenceData.load()));
    }

    private void parkConflict(RecordedFact fact) {
        CanonicalEvent event = fact.event();
        parked.addConflict(new Parked(event.eventId(), event.clientId(), event.type(),
                "conflict: eventId already applied with a different body; the first one stands"), fact.body());
    }

    static String sha256(String body) {
        return io.settlehub.contract.Digests.sha256Hex(body);
    }
}
