package io.settlehub.core.alerts;

import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.FxRate;
import io.settlehub.core.ops.DeadLetters;
import io.settlehub.core.payout.store.PaymentRepository;
import io.settlehub.core.settlement.FeeObservation;
import io.settlehub.core.settlement.store.FactRepository;
import io.settlehub.core.settlement.store.UnmatchedPayoutRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the alert rules over what changed and the shared facts, on a schedule ({@code hub.alerts.interval}) and on
 * demand; each new alert is recorded and published on hub.notifications ({@code ALERT}) in the same transaction. Messages
 * a service refused for their sender (an instruction connector-bank found unsigned) are found among the dead letters.
 */
@Service
public class AlertScan {

    /** The name of the scan's mark in {@code scan_mark}: how far the order rules have looked. */
    public static final String ORDERS = "alert-orders";
    /** How far back a scan looks before the previous one's start: longer than a batch takes to commit. */
    private static final Duration COMMIT_MARGIN = Duration.ofSeconds(60);
    /** Clients' new fee-rate observations examined at a time. */
    private static final int CLIENTS_PER_READ = 500;
    /** A SKU's usual fee rate is the median of its latest sales on the marketplace (docs/alerts.md). */
    static final int FEE_RATE_WINDOW = 200;

    private final RecordedFigures figures;
    private final UnmatchedPayoutRepository unmatchedPayouts;
    private final ScanMarks marks;
    private final PaymentRepository payments;
    private final FactRepository facts;
    private final AlertPublisher publisher;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Duration feedSilence;
    private final Map<String, Duration> feedSilenceBySource;
    private final BigDecimal fxJump;
    private final Duration duplicateWindow;

    public AlertScan(RecordedFigures figures, UnmatchedPayoutRepository unmatchedPayouts, ScanMarks marks, PaymentRepository payments,
                     FactRepository facts, AlertPublisher publisher, DeadLetters deadLetters, Clock clock,
                     @Value("${hub.alerts.feed-silence:26h}") Duration feedSilence,
                     @Value("#{${hub.alerts.feed-silence-by-source:{:}}}") Map<String, String> feedSilenceBySource,
                     @Value("${hub.alerts.fx-jump:0.05}") BigDecimal fxJump,
                     @Value("${hub.alerts.duplicate-payment-window:72h}") Duration duplicateWindow) {
        this.figures = figures;
        this.unmatchedPayouts = unmatchedPayouts;
        this.marks = marks;
        this.payments = payments;
        this.facts = facts;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.feedSilence = feedSilence;
        this.feedSilenceBySource = feedSilenceBySource.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Duration.parse("PT" + e.getValue().toUpperCase())));
        this.fxJump = fxJump;
        this.duplicateWindow = duplicateWindow;
    }

    @Scheduled(fixedDelayString = "${hub.alerts.interval:60s}", initialDelayString = "${hub.alerts.interval:60s}")
    void scheduled() {
        scan();
    }

    /**
     * Answers the alerts raised by this scan (those found before are not raised again). The order rules look only at what
     * ingest recorded since the last scan (with a margin for transactions still committing then): the lines below landed
     * cost of the orders whose figures moved, the fee rates of the lines sold, the payouts left unmatched (decision 0020).
     * A scan reads those rows and rebuilds no order, so it costs what changed, not the clients' histories.
     */
    @Transactional
    public List<Alert> scan() {
        // the system clock, not the injected one: changed_at is written with it (SettledStateRepository)
        Instant started = Instant.now();
        Instant since = marks.get(ORDERS).orElse(Instant.EPOCH);
        List<Alert> found = new ArrayList<>();
        for (RecordedFigures.OrderBelowCost order : figures.ordersBelowCostChangedSince(since)) {
            found.addAll(AlertRules.soldBelowLandedCost(order.clientId(), order.source(), order.orderId(), order.lines()));
        }
        figures.feesRecordedSince(since, CLIENTS_PER_READ, observed -> {
            Set<RecordedFigures.Sku> skus = new HashSet<>();
            observed.forEach((clientId, lines) -> lines.forEach(l -> skus.add(new RecordedFigures.Sku(clientId, l.source(), l.sku()))));
            Map<RecordedFigures.Sku, List<BigDecimal>> usual = figures.recentFeeRates(skus, FEE_RATE_WINDOW);
            observed.forEach((clientId, lines) -> found.addAll(AlertRules.feeRateOutliers(clientId, lines,
                    (source, sku) -> usual.getOrDefault(new RecordedFigures.Sku(clientId, source, sku), List.of()))));
        });
        for (UnmatchedPayoutRepository.Unmatched unmatched : unmatchedPayouts.changedSince(since)) {
            found.addAll(AlertRules.payoutsMatchingNoExpectation(unmatched.clientId(), List.of(unmatched.payout())));
        }
        for (String clientId : payments.clientsWithInstructionsSince(since.minus(duplicateWindow))) {
            List<AlertRules.Instruction> instructions = payments.ofClient(clientId).stream().map(p -> payments.find(p.instructionId())
                    .map(s -> new AlertRules.Instruction(p.instructionId(), s.instruction().payee().account(), p.amount(), p.createdAt(),
                            p.status())).orElseThrow()).toList();
            found.addAll(AlertRules.duplicatePaymentAttempts(clientId, instructions, duplicateWindow));
        }
        found.addAll(AlertRules.silentFeeds(facts.sources().stream()
                .collect(Collectors.toMap(FactRepository.SourceSeen::source, FactRepository.SourceSeen::lastReceivedAt)),
                feedSilenceBySource, feedSilence, clock.instant()));
        List<AlertRules.Rate> rates = new ArrayList<>();
        for (CanonicalEvent event : facts.fxRates()) {
            FxRate rate = (FxRate) event.payload();
            rates.add(new AlertRules.Rate(rate.base(), rate.quote(), rate.date(), rate.rate()));
        }
        found.addAll(AlertRules.fxJumps(rates, fxJump));
        for (DeadLetters.DeadLetter refused : deadLetters.refused(100)) {
            found.add(Alert.messageRefused(refused.queue() + "/" + refused.messageId(), "refused on " + refused.queue() + " ("
                    + (refused.sender() == null ? "sender not named" : "sent by " + refused.sender()) + "): " + refused.failureReason()));
        }
        marks.put(ORDERS, started.minus(COMMIT_MARGIN));
        return publisher.raiseAll(found);
    }
}
