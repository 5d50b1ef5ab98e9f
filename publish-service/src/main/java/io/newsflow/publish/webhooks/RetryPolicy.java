package io.newsflow.publish.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter (the wait after the n-th failure is
 * uniformly random between 0 and {@code min(cap, base * 2^(n-1))}, so receivers coming back from an outage are not
 * hit by every delivery at once), for as long as the next attempt still falls within {@code maxAge} of the delivery's
 * creation; after that the delivery is parked.
 */
public record RetryPolicy(Duration base, Duration cap, Duration maxAge) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1),
            Duration.ofHours(24));

    public RetryPolicy {
        if (base.toMillis() < 1) {
            throw new IllegalArgumentException("the backoff base must be at least 1 ms, got " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("the backoff cap (" + cap + ") must not be below its base (" + base + ")");
        }
        if (maxAge.toMillis() < 1) {
            throw new IllegalArgumentException("the maximum age must be at least 1 ms, got " + maxAge);
        }
    }

    /** The longest wait after {@code failures} failed attempts (1 or more): {@code min(cap, base * 2^(failures-1))}. */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        long base = this.base.toMillis();
        long cap = this.cap.toMillis();
        int doublings = failures - 1;
        // base << doublings overflows long past 62 doublings; the cap is reached long before on any real setting.
        if (doublings >= 62 || base > (cap >> doublings)) {
            return Duration.ofMillis(cap);
        }
        return Duration.ofMillis(base << doublings);
    }

    /** The wait after {@code failures} failed attempts: uniformly random in [0, ceiling] (full jitter). */
    public Duration delay(int failures, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(ceiling(failures).toMillis() + 1));
    }

    /**
     * When to attempt a delivery created at {@code createdAt} again after its {@code failures}-th failure at
     * {@code failedAt}; empty when that would be later than {@code createdAt + maxAge}: park it.
     */
    public Optional<Instant> nextAttempt(Instant createdAt, int failures, Instant failedAt, RandomGenerator random) {
        Instant next = failedAt.plus(delay(failures, random));
        return next.isAfter(createdAt.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }
}
