package io.newsflow.launcher.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one part of the benchmark (baseline or pipeline) measured.
 *
 * @param warmup        how the part was warmed up before it
 * @param articles      articles of the saturation run
 * @param seconds       from its first send until its last article came out
 * @param bytes         the articles' bytes as sent to the first topic
 * @param cpuSeconds    CPU time of the whole process during the saturation run
 * @param cpuByGroup    the same split by who spent it ({@link ResourceMeter#group(String)}), largest first
 * @param peakHeapBytes peak heap during the saturation run
 * @param latency       the latency run
 * @param rejected      articles dead-lettered instead of published (all runs)
 * @param unexpected    records that came out unexpected or twice (all runs): 0 unless something is wrong
 */
record Measurement(Warmup warmup, long articles, double seconds, long bytes, double cpuSeconds, Map<String, Double> cpuByGroup,
                   long peakHeapBytes, Latency latency, long rejected, long unexpected) {

    Measurement {
        cpuByGroup = Collections.unmodifiableMap(new LinkedHashMap<>(cpuByGroup));
    }

    /**
     * End-to-end latency at a fixed offered rate, in milliseconds.
     *
     * @param rate     articles per second offered
     * @param articles articles measured
     * @param byStage  the same split by stage (a service of the pipeline, a hop of the baseline)
     */
    record Latency(int rate, long articles, double p50, double p95, double p99, double max, List<Stage> byStage) {
        Latency {
            byStage = List.copyOf(byStage);
        }
    }

    /**
     * One stage's share of the latency: from the time its input was seen on one topic (or, for the first, due to be
     * sent) to the time its output was seen on the next, in milliseconds.
     *
     * @param articles the articles seen at both ends
     */
    record Stage(String name, long articles, double p50, double p99) {
    }

    double articlesPerSecond() {
        return articles / seconds;
    }

    double megabytesPerSecond() {
        return bytes / seconds / 1_000_000.0;
    }

    double cpuSecondsPerThousand() {
        return cpuSeconds / articles * 1000;
    }

    double peakHeapMegabytes() {
        return peakHeapBytes / (1024.0 * 1024.0);
    }
}
