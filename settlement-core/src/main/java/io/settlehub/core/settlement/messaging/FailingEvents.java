package io.settlehub.core.settlement.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the events of a failed batch that fail on their own, by halves: each half is applied in one transaction, and
 * only a half that fails is halved again, down to single events. A batch of n events with k that fail costs about
 * 2·k·log2(n) transactions instead of n one at a time, and every event that does not fail is applied exactly once.
 * Settlement does not depend on the order facts arrive in (decision 0001), so the halves may commit in any order.
 */
final class FailingEvents {

    private FailingEvents() {
    }

    /**
     * Of a batch whose application as a whole failed, each item that fails alone, with its failure; every other item
     * has been applied by {@code apply}, which applies all the items it is given or none (one transaction).
     */
    static <T> Map<T, RuntimeException> of(List<T> failedBatch, Consumer<List<T>> apply) {
        Map<T, RuntimeException> failing = new LinkedHashMap<>();
        if (failedBatch.size() == 1) {
            try {
                apply.accept(failedBatch);
            } catch (RuntimeException e) {
                failing.put(failedBatch.get(0), e);
            }
            return failing;
        }
        halve(failedBatch, apply, failing);
        return failing;
    }

    private static <T> void halve(List<T> failed, Consumer<List<T>> apply, Map<T, RuntimeException> failing) {
        int middle = failed.size() / 2;
        for (List<T> half : List.of(failed.subList(0, middle), failed.subList(middle, failed.size()))) {
            try {
                apply.accept(half);
            } catch (RuntimeException e) {
                if (half.size() == 1) {
                    failing.put(half.get(0), e);
                } else {
                    halve(half, apply, failing);
                }
            }
        }
    }
}
