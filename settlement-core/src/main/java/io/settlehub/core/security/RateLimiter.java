package io.settlehub.core.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a caller, an address): {@code capacity} requests at once, refilled at {@code perMinute}.
 * In memory, per instance: it protects the instance, it is not a quota. Counted in whole numbers: a token is
 * 60,000 units, and each millisecond adds {@code perMinute} units.
 */
public class RateLimiter {

    private static final long UNITS_PER_TOKEN = 60_000;

    private final long capacityUnits;
    private final long unitsPerMilli;
    private final Clock clock;
    /** Per key: the units left and the millisecond they were counted at. */
    private final Map<String, long[]> buckets = new ConcurrentHashMap<>();

    public RateLimiter(long capacity, long perMinute, Clock clock) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs a capacity and a rate of at least 1, was " + capacity + " and "
                    + perMinute + "/min");
        }
        this.capacityUnits = Math.multiplyExact(capacity, UNITS_PER_TOKEN);
        this.unitsPerMilli = perMinute;
        this.clock = clock;
    }

    /** Whether the key has a token left, without taking it. */
    public boolean hasToken(String key) {
        long[] bucket = buckets.get(key);
        if (bucket == null) {
            return true;
        }
        synchronized (bucket) {
            return refilled(bucket, clock.millis()) >= UNITS_PER_TOKEN;
        }
    }

    /** Takes one request's token; false when the key has none left. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        long[] bucket = buckets.computeIfAbsent(key, k -> new long[] {capacityUnits, now});
        synchronized (bucket) {
            bucket[0] = refilled(bucket, now);
            bucket[1] = now;
            if (bucket[0] < UNITS_PER_TOKEN) {
                return false;
            }
            bucket[0] -= UNITS_PER_TOKEN;
            return true;
        }
    }

    private long refilled(long[] bucket, long now) {
        long elapsed = Math.max(0, now - bucket[1]);
        // saturate instead of overflowing after a long quiet spell
        long refill = elapsed > (capacityUnits / unitsPerMilli) + 1 ? capacityUnits : elapsed * unitsPerMilli;
        return Math.min(capacityUnits, bucket[0] + refill);
    }
}
