package io.newsflow.launcher.bench;

import java.time.Duration;

/**
 * How a part was warmed up before its saturation run.
 *
 * <p>The process is large (a broker, four Streams apps, Jackson, Lingua, jsoup, Jetty), and C2 keeps compiling for
 * minutes after start: over a fixed 5,000-article warm-up the compiler still took a whole core during the saturation
 * run, so the figure was the pipeline's start-up, not its steady state. The full run therefore warms up in rounds
 * until a round saw the compiler busy less than {@link #SETTLED} of the time, or until a time limit, and says which.
 *
 * @param articles  articles carried during the warm-up, all rounds
 * @param seconds   how long it took
 * @param jitShare  compile time per second of wall time in the last round (0.5: half a core compiling)
 */
record Warmup(long articles, double seconds, double jitShare) {

    /** The compiler's share of one core under which a round counts as settled. */
    static final double SETTLED = 0.3;
    /** A round lasts at least this long (when more than one may follow), so that its share means something. */
    static final Duration MIN_ROUND = Duration.ofSeconds(5);

    /** Whether the last round got under {@link #SETTLED}: false when the time limit ended the warm-up first. */
    boolean settled() {
        return jitShare < SETTLED;
    }

    /** Whether to carry another round: not settled yet and time left (a zero limit means one round only). */
    static boolean anotherRound(double lastRoundJitShare, Duration elapsed, Duration limit) {
        return lastRoundJitShare >= SETTLED && elapsed.compareTo(limit) < 0;
    }
}
