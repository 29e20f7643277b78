package io.settlehub.core.settlement.service;

import io.settlehub.core.settlement.TransferCauses;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.contract.EventType;
import io.settlehub.core.ledger.Component;
import io.settlehub.core.ledger.PostingPlan;
import io.settlehub.core.ledger.Transfer;
import io.settlehub.core.ledger.store.LedgerRepository;
import io.settlehub.core.payout.service.PaymentStatusHandler;
import io.settlehub.core.settlement.AgreementTerms;
import io.settlehub.core.settlement.Checkpoint;
import io.settlehub.core.settlement.ClientSettlement;
import io.settlehub.core.settlement.Derivation;
import io.settlehub.core.settlement.IncrementalSettlement;
import io.settlehub.core.settlement.Parked;
import io.settlehub.core.settlement.Resumption;
import io.settlehub.core.settlement.SettlementCalculator;
import io.settlehub.core.settlement.SettlementPostings;
import io.settlehub.core.settlement.store.ClientRepository;
import io.settlehub.core.settlement.store.FactCache;
import io.settlehub.core.settlement.store.FactRepository;
import io.settlehub.core.settlement.store.FactRepository.RecordedFact;
import io.settlehub.core.settlement.store.OrderFiguresRepository;
import io.settlehub.core.settlement.store.ParkedRepository;
import io.settlehub.core.settlement.store.RatePairRepository;
import io.settlehub.core.settlement.store.ReferenceDataRepository;
import io.settlehub.core.settlement.store.SettledStateRepository;
import java.util.*;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies canonical events: records each new fact once, settles every client the batch touches — continuing from
 * the client's checkpoint where the new facts allow it, else re-derived whole — and posts the difference to the
 * ledger, all in the caller's one database transaction.
 */
@Service
public class SettlementService {

    private final FactRepository facts;
    private final OrderFiguresRepository orderFigures;
    private final RatePairRepository ratePairs;
    private final ClientRepository clients;
    private final LedgerRepository ledger;
    private final ParkedRepository parked;
    private final ReferenceDataRepository referenceData;
    private final PaymentStatusHandler paymentStatuses;
    private final SettledStateRepository state;
    private final FactCache factCache;

    public SettlementService(FactRepository facts, ClientRepository clients, LedgerRepository ledger, ParkedRepository parked,
                             ReferenceDataRepository referenceData, PaymentStatusHandler paymentStatuses, SettledStateRepository state,
                             FactCache factCache, OrderFiguresRepository orderFigures,
                             RatePairRepository ratePairs) {
        this.ratePairs = ratePairs;
        this.state = state;
        this.orderFigures = orderFigures;
        this.factCache = factCache;
        this.facts = facts;
        this.clients = clients;
        this.ledger = ledger;
        this.parked = parked;
        this.referenceData = referenceData;
        this.paymentStatuses = paymentStatuses;
    }

    /**
     * What a batch did: how many events were new, already applied, or conflicting; how many clients were continued from
     * their checkpoints and how many re-derived whole (decision 0010).
     */
    public record IngestResult(int applied, int duplicates, int conflicts, int continued, int rederived) {

        /** What the parts of one batch did together. */
        public static IngestResult sum(Collection<IngestResult> parts) {
            return new IngestResult(parts.stream().mapToInt(IngestResult::applied).sum(), parts.stream().mapToInt(IngestResult::duplicates).sum(),
                    parts.stream().mapToInt(IngestResult::conflicts).sum(), parts.stream().mapToInt(IngestResult::continued).sum(),
                    parts.stream().mapToInt(IngestResult::rederived).sum());
        }
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
        // the reference data this batch's rates replace: clients settled with it that use none of their pairs keep their state
        ReferenceDataRepository.Versioned ratesBefore = fresh.stream().anyMatch(f -> f.event().type() == EventType.FX_RATE)
                ? referenceData.loadVersioned() : null;
        facts.insert(fresh);
        List<CanonicalEvent> freshEvents = fresh.stream().map(RecordedFact::event).toList();
        state.indexFacts(freshEvents);
        factCache.recording(freshEvents);

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
        clients.lock(causeByClient.keySet());
        // read after the lock: a rate committed by a batch that held one of these clients is seen here
        ReferenceDataRepository.Versioned rates = causeByClient.isEmpty() && !ratesChanged ? null : referenceData.loadVersioned();
        Set<String> repriced = Set.of();
        if (ratesChanged) {
            parked.replaceWaiting(java.util.Collections.singletonMap(null, rates.book().conflicts()));
            repriced = repriced(fresh, ratesBefore, rates, rateCause, causeByClient);
        }
        Map<String, List<CanonicalEvent>> freshByClient = new TreeMap<>();
        fresh.stream().filter(f -> f.event().clientId() != null && f.event().type() != EventType.PAYMENT_STATUS)
                .forEach(f -> freshByClient.computeIfAbsent(f.event().clientId(), c -> new ArrayList<>()).add(f.event()));
        int continued = settleLocked(causeByClient, freshByClient, repriced, rates);
        fresh.stream().filter(f -> f.event().type() == EventType.PAYMENT_STATUS)
                .sorted(Comparator.comparing((RecordedFact f) -> f.event().occurredAt()))
                .forEach(f -> paymentStatuses.apply(f.event()));
        if (ratesChanged) {
            paymentStatuses.ratesChanged(fresh.stream().filter(f -> f.event().type() == EventType.FX_RATE)
                    .map(f -> ((io.settlehub.contract.EventPayload.FxRate) f.event().payload()).date()).min(Comparator.naturalOrder())
                    .orElseThrow(), rateCause);
        }
        return new IngestResult(fresh.size(), duplicates, conflicts, continued, causeByClient.size() - continued);
    }

    /**
     * Of the locked clients, those the batch's rates may re-price: every client but those settled with the reference
     * data before the batch whose settlement looked up none of the rates' currency pairs. Those move to the new reference
     * data as they are, and leave {@code causeByClient} unless facts of their own came with the batch.
     */
    private Set<String> repriced(List<RecordedFact> fresh, ReferenceDataRepository.Versioned before,
                                 ReferenceDataRepository.Versioned after, String rateCause, Map<String, String> causeByClient) {
        Set<String> pairs = new TreeSet<>();
        fresh.stream().filter(f -> f.event().type() == EventType.FX_RATE).map(f -> (io.settlehub.contract.EventPayload.FxRate) f.event().payload())
                .forEach(rate -> pairs.add(Derivation.pair(rate.base(), rate.quote())));
        List<String> untouched = ratePairs.settledWithout(pairs, before.version());
        ratePairs.moveTo(untouched, after.version());
        untouched.forEach(client -> causeByClient.remove(client, rateCause));
        Set<String> repriced = new HashSet<>(causeByClient.keySet());
        untouched.forEach(repriced::remove);
        return repriced;
    }

    /**
     * Settles locked clients: from their checkpoints when the new facts allow it (decision 0010), else re-derived whole
     * from all their facts. Answers how many were continued.
     */
    private int settleLocked(Map<String, String> causeByClient, Map<String, List<CanonicalEvent>> freshByClient,
                              Set<String> repriced, ReferenceDataRepository.Versioned rates) {
        Map<String, AgreementTerms> terms = clients.agreementTerms(causeByClient.keySet());
        Map<String, Checkpoint> checkpoints = state.checkpoints(terms.keySet());
        Map<String, List<CanonicalEvent>> continuing = new TreeMap<>();
        for (String client : terms.keySet()) {
            Checkpoint checkpoint = checkpoints.get(client);
            List<CanonicalEvent> brought = freshByClient.getOrDefault(client, List.of());
            if (!repriced.contains(client) && checkpoint != null && rates.version().equals(checkpoint.referenceVersion())
                    && Resumption.accepts(checkpoint, brought)) {
                continuing.put(client, brought);
            }
        }
        Map<String, TransferCauses> causes = new TreeMap<>();
        causeByClient.forEach((client, cause) -> causes.put(client, TransferCauses.of(freshByClient.getOrDefault(client, List.of()), cause)));
        SettlementWrites writes = new SettlementWrites();
        if (!continuing.isEmpty()) {
            for (IncrementalSettlement.Continued done : IncrementalSettlement.continueClients(state, checkpoints, continuing, terms,
                    rates.book(), causes)) {
                writes.continued(done, checkpoints.get(done.clientId()), rates.version());
            }
        }
        causes.forEach((client, cause) -> {
            if (!continuing.containsKey(client)) {
                rederive(client, terms.get(client), checkpoints.containsKey(client), rates, cause, writes);
            }
        });
        writes.write(ledger, parked, state);
        return continuing.size();
    }

    /** Re-derives a client after its agreement changed. */
    @Transactional
    public void resettle(String clientId, String cause) {
        rebuild(clientId, cause);
    }

    /**
     * Re-derives one client whole from its facts under its lock, in its own transaction (ingest of other clients goes on,
     * this client's next batch waits for it), posts only the differences and records a fresh checkpoint. Answers the
     * transfers it posted: none when the ledger already held the full derivation's figures.
     */
    @Transactional
    public List<Transfer> rebuild(String clientId, String cause) {
        clients.lock(List.of(clientId));
        SettlementWrites writes = new SettlementWrites();
        rederive(clientId, clients.agreementTerms(clientId).orElse(null), state.checkpoints(List.of(clientId)).containsKey(clientId),
                referenceData.loadVersioned(), TransferCauses.always(cause), writes);
        writes.write(ledger, parked, state);
        return writes.transfers();
    }

    /** Re-derives one locked client from all its facts, and records the checkpoint its next batch continues from. */
    private void rederive(String clientId, AgreementTerms terms, boolean hadCheckpoint, ReferenceDataRepository.Versioned rates,
                          TransferCauses cause, SettlementWrites writes) {
        List<CanonicalEvent> clientFacts = facts.factsOf(clientId);
        if (terms == null) {
            writes.parked(clientId, clientFacts.stream()
                    .filter(e -> e.type() != EventType.PAYMENT_STATUS)
                    .map(e -> new Parked(e.eventId(), clientId, e.type(),
                            "unknown client '" + clientId + "': no agreement yet (PUT /api/clients/" + clientId + ")"))
                    .toList());
            return;
        }
        if (!hadCheckpoint) {
            state.reindexClient(clientId, clientFacts);
        }
        Derivation derivation = SettlementCalculator.derive(terms, clientFacts, rates.book());
        Map<String, Component> current = PostingPlan.index(ledger.components(clientId));
        Map<String, Component> target = PostingPlan.index(SettlementPostings.of(derivation.settlement()));
        List<Transfer> transfers = PostingPlan.difference(clientId, current, target, cause);
        writes.settled(transfers);
        writes.parked(clientId, derivation.settlement().parked());
        writes.rederived(clientId, derivation, transfers, rates.version());
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
        for (var order : orderFigures.soldSince(clientId, io.settlehub.contract.BusinessCalendar.startOf(from))) {
            java.time.LocalDate soldOn = io.settlehub.contract.BusinessCalendar.dateOf(order.soldAt());
            String key = order.source() + "/" + order.orderId();
            io.settlehub.contract.Money zero = io.settlehub.contract.Money.zero(order.currency());
            io.settlehub.contract.Money was = before.getOrDefault(key, zero);
            io.settlehub.contract.Money now = after.getOrDefault(key, zero);
            if (!was.equals(now)) {
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
            if (parts.length != 4 || !parts[0].equals("order") || io.settlehub.core.ledger.Bucket.ofKind(parts[3]).isEmpty()) {
                continue;
            }
            boolean intoBucket = component.credit().kind().equals(parts[3]);
            io.settlehub.contract.Money part = intoBucket ? component.amount() : component.amount().negate();
            net.merge(parts[1] + "/" + parts[2], part, io.settlehub.contract.Money::plus);
        }
        return net;
    }

    /** One order's settlement, as {@link #ordersOf} rebuilds it. */
    @Transactional(readOnly = true)
    public Optional<io.settlehub.core.settlement.OrderSettlement> orderOf(String clientId, String orderId) {
        return ordersOf(clientId, List.of(orderId)).flatMap(s -> s.order(orderId));
    }

    /**
     * Some orders' settlements (those that exist), with the payouts among their facts, rebuilt from the client's
     * checkpoint; derived from all the client's facts only when the client has no usable checkpoint.
     */
    @Transactional(readOnly = true)
    public Optional<ClientSettlement> ordersOf(String clientId, Collection<String> orderIds) {
        return Optional.ofNullable(ordersOf(Map.of(clientId, orderIds)).get(clientId));
    }

    /**
     * {@link #ordersOf(String, Collection)} for several clients at once: agreements, checkpoints and the orders' state are
     * read together; a client without a usable checkpoint is derived whole. Clients without an
     * agreement are left out.
     */
    @Transactional(readOnly = true)
    public Map<String, ClientSettlement> ordersOf(Map<String, ? extends Collection<String>> orderIdsByClient) {
        Map<String, AgreementTerms> terms = clients.agreementTerms(orderIdsByClient.keySet());
        ReferenceDataRepository.Versioned rates = referenceData.loadVersioned();
        Map<String, Checkpoint> checkpoints = state.checkpoints(terms.keySet());
        Map<String, Collection<String>> continued = new HashMap<>();
        Map<String, ClientSettlement> settlements = new HashMap<>();
        terms.keySet().forEach(clientId -> {
            Checkpoint checkpoint = checkpoints.get(clientId);
            Collection<String> orderIds = orderIdsByClient.get(clientId);
            if (checkpoint == null || checkpoint.unlistedPayouts() || !rates.version().equals(checkpoint.referenceVersion())) {
                // derived whole, with the agreement and rates already read
                ClientSettlement whole = SettlementCalculator.settle(terms.get(clientId), facts.factsOf(clientId), rates.book());
                settlements.put(clientId, new ClientSettlement(clientId, whole.orders().stream()
                        .filter(o -> orderIds.contains(o.orderId())).toList(), List.of(), whole.payouts(), List.of(), List.of(), whole.bank()));
            } else {
                continued.put(clientId, orderIds);
            }
        });
        if (!continued.isEmpty()) {
            settlements.putAll(IncrementalSettlement.orders(state, checkpoints, terms, rates.book(), continued));
        }
        return settlements;
    }

    /**
     * What a period's agent report covers: the orders sold in it (rebuilt from the client's checkpoint) and the charges
     * without an order dated in it. A client not settled yet (right after an upgrade) is derived whole.
     */
    @Transactional(readOnly = true)
    public Optional<ClientSettlement> periodOf(String clientId, java.time.YearMonth period) {
        java.time.Instant from = io.settlehub.contract.BusinessCalendar.startOf(period);
        java.time.Instant to = io.settlehub.contract.BusinessCalendar.startOf(period.plusMonths(1));
        if (!state.hasCheckpoint(clientId)) {
            return settlementOf(clientId);
        }
        List<String> sold = state.ordersSoldBetween(clientId, from, to);
        Optional<ClientSettlement> orders = sold.isEmpty()
                ? clients.agreementTerms(clientId).map(t -> new ClientSettlement(clientId, List.of(), List.of(), List.of(), List.of(),
                        List.of(), null))
                : ordersOf(clientId, sold);
        List<ClientSettlement.Charge> charges = new ArrayList<>();
        for (CanonicalEvent event : facts.factsOfType(clientId, EventType.MARKETPLACE_CHARGE.name(), from, to)) {
            var charge = (io.settlehub.contract.EventPayload.MarketplaceCharge) event.payload();
            if (charge.orderId() == null) {
                charges.add(new ClientSettlement.Charge(event.eventId(), event.source(), charge.kind(), charge.amount()));
            }
        }
        return orders.map(o -> new ClientSettlement(clientId, o.orders(), charges, o.payouts(), List.of(), List.of(), o.bank()));
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
