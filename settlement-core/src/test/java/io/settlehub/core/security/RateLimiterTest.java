package io.settlehub.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_burst_is_allowed_then_requests_refill_at_the_rate_and_keys_do_not_share_a_bucket() {
        MovableClock clock = new MovableClock();
        RateLimiter limiter = new RateLimiter(3, 120, clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).as("the burst is spent").isFalse();
        assertThat(limiter.tryAcquire("b")).as("another caller is still served").isTrue();
        clock.now = clock.now.plus(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("a")).as("one token back after half a second at 2/s").isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        clock.now = clock.now.plus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).as("refilled to the capacity, no more").isTrue();
        }
        assertThat(limiter.tryAcquire("a")).isFalse();
    }
}
