package io.newsflow.launcher.bench;

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

    Phase(String name, long expected) {
        this.name = name;
        this.expected = expected;
    }

    String name() {
        return name;
    }

    long expected() {
        return expected;
    }

    void arrived(long latencyNanos) {
        latencyMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
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
