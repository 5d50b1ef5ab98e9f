package io.newsflow.ingest;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per caller: {@code perMinute} requests, refilled evenly, with bursts up to a minute's worth. In
 * memory and per instance: a limit to keep one sender from crowding out the others, not an account.
 */
final class RateLimiter {

    private final double perMilli;
    private final double capacity;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, Clock clock) {
        this.capacity = perMinute;
        this.perMilli = perMinute / 60_000.0;
        this.clock = clock;
    }

    /** Takes one token for {@code caller}: 0 when allowed, else the seconds until a token is due (Retry-After). */
    long acquire(String caller) {
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(capacity, clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * perMilli);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
