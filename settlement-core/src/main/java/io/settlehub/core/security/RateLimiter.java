package io.settlehub.core.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a caller, an address): {@code capacity} requests at once, refilled at {@code perSecond}.
 * In memory, per instance: it protects the instance, it is not a quota.
 */
public class RateLimiter {

    private final double capacity;
    private final double perSecond;
    private final Clock clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double capacity, double perSecond, Clock clock) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Whether the key has a token left, without taking it. */
    public boolean hasToken(String key) {
        double[] bucket = buckets.get(key);
        if (bucket == null) {
            return true;
        }
        synchronized (bucket) {
            return Math.min(capacity, bucket[0] + (clock.millis() - bucket[1]) / 1000.0 * perSecond) >= 1;
        }
    }

    /** Takes one request's token; false when the key has none left. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {capacity, now});
        synchronized (bucket) {
            double refill = (now - bucket[1]) / 1000.0 * perSecond;
            bucket[0] = Math.min(capacity, bucket[0] + refill);
            bucket[1] = now;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0] -= 1;
            return true;
        }
    }
}
