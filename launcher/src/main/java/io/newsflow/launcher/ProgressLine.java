package io.newsflow.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress line on stderr for long work: the count so far and the rate since the previous line, at most once per
 * interval and only when the count moved, e.g. {@code newsflow: pipeline at saturation: 1,234 of 20,000 articles out
 * (612.0/s)}.
 */
public final class ProgressLine {

    private final PrintStream err;
    private final String label;
    private final String noun;
    private final long total;
    private final long everyNanos;
    private long lastNanos;
    private long lastCount;

    /**
     * @param label what is counted, before the count ({@code ""} for none)
     * @param noun  after the count, e.g. {@code "published"}
     * @param from  the count now (no line until it moves)
     * @param total the count at which the work is done, or 0 when open-ended
     * @param every the least time between two lines
     */
    public ProgressLine(PrintStream err, String label, String noun, long from, long total, Duration every) {
        this.err = err;
        this.label = label;
        this.noun = noun;
        this.total = total;
        this.everyNanos = every.toNanos();
        this.lastNanos = System.nanoTime();
        this.lastCount = from;
    }

    /** Prints a line if the interval has passed since the last one and {@code count} changed since. */
    public void update(long count) {
        long now = System.nanoTime();
        if (now - lastNanos < everyNanos || count == lastCount) {
            return;
        }
        double rate = (count - lastCount) / ((now - lastNanos) / 1e9);
        err.println(line(label, count, total, noun, rate));
        err.flush();
        lastNanos = now;
        lastCount = count;
    }

    static String line(String label, long count, long total, String noun, double perSecond) {
        return String.format(Locale.ROOT, "newsflow: %s%,d%s %s (%,.1f/s)", label.isEmpty() ? "" : label + ": ",
                count, total > 0 ? String.format(Locale.ROOT, " of %,d", total) : "", noun, perSecond);
    }
}
