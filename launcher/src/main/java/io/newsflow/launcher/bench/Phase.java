package io.newsflow.launcher.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One measured run of the benchmark: how many articles it sends, how many have come out (published, or
 * dead-lettered), and the latency of each from the time it was due to be sent to the time it was seen.
 */
final class Phase {

    private final String name;
    private final long expected;
    private final AtomicLong arrived = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** Written only by the {@link Arrivals} thread; read once the phase is over. */
    private final SingleWriterRecorder latencyMicros = new SingleWriterRecorder(3);
    private final Optional<StageTimes> stageTimes;

    Phase(String name, long expected) {
        this(name, expected, Optional.empty());
    }

    /** @param stageTimes where the times of each article at each stage go, if this run splits its latency by stage */
    Phase(String name, long expected, Optional<StageTimes> stageTimes) {
        this.name = name;
        this.expected = expected;
        this.stageTimes = stageTimes;
    }

    String name() {
        return name;
    }

    long expected() {
        return expected;
    }

    /** Before the article is sent: when it was due to go. */
    void due(String id, long dueNanos) {
        stageTimes.ifPresent(times -> times.due(id, dueNanos));
    }

    void arrived(String id, long dueNanos, long seenNanos) {
        latencyMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(seenNanos - dueNanos)));
        stageTimes.ifPresent(times -> times.out(id, seenNanos));
        arrived.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    /** Articles that came out either way. */
    long done() {
        return arrived.get() + rejected.get();
    }

    long rejectedCount() {
        return rejected.get();
    }

    boolean complete() {
        return done() >= expected;
    }

    /** The latencies recorded so far, in microseconds (call once, when the phase is complete). */
    Histogram latencies() {
        return latencyMicros.getIntervalHistogram();
    }
}
