package io.newsflow.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * When each article of a latency run was due to be sent, when it was first seen on each topic between the first and
 * the last (by {@link StageWatch}), and when it came out: what splits the end-to-end latency by stage. For the
 * pipeline the stages are its services: ingest (news.inbound to news.raw), enrich (to news.enriched), publish (to
 * news.published); for the baseline, its hops.
 */
final class StageTimes {

    /**
     * The stages and the topics between them.
     *
     * @param names  one per stage
     * @param topics the topics where one stage ends and the next begins: one fewer than the stages
     */
    record Plan(List<String> names, List<String> topics) {
        Plan {
            if (names.size() != topics.size() + 1) {
                throw new IllegalArgumentException(names.size() + " stages need " + (names.size() - 1)
                        + " topics between them, not " + topics.size());
            }
            names = List.copyOf(names);
            topics = List.copyOf(topics);
        }
    }

    /** Not (yet) known: {@link System#nanoTime()} may be any long, 0 included, but not in practice this one. */
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Plan plan;
    /** Per article: due, seen on each topic of the plan, out; {@link #UNKNOWN} where not (yet) known. */
    private final Map<String, AtomicLongArray> times = new ConcurrentHashMap<>();

    StageTimes(Plan plan) {
        this.plan = plan;
    }

    Plan plan() {
        return plan;
    }

    void due(String id, long nanos) {
        times.computeIfAbsent(id, key -> {
            AtomicLongArray article = new AtomicLongArray(plan.topics().size() + 2);
            for (int i = 0; i < article.length(); i++) {
                article.set(i, UNKNOWN);
            }
            return article;
        }).set(0, nanos);
    }

    /** The first time the article was seen on the plan's topic number {@code topic}; later sightings are ignored. */
    void seen(int topic, String id, long nanos) {
        AtomicLongArray article = times.get(id);
        if (article != null) {
            article.compareAndSet(topic + 1, UNKNOWN, nanos);
        }
    }

    void out(String id, long nanos) {
        AtomicLongArray article = times.get(id);
        if (article != null) {
            article.set(plan.topics().size() + 1, nanos);
        }
    }

    /** Each stage's p50 and p99 over the articles whose every time is known (call once the run is over). */
    List<Measurement.Stage> latencies() {
        int points = plan.topics().size() + 2;
        List<Histogram> stages = new ArrayList<>();
        plan.names().forEach(name -> stages.add(new Histogram(3)));
        for (AtomicLongArray article : times.values()) {
            boolean complete = true;
            for (int i = 0; i < points; i++) {
                complete &= article.get(i) != UNKNOWN;
            }
            if (complete) {
                for (int stage = 0; stage < points - 1; stage++) {
                    long nanos = article.get(stage + 1) - article.get(stage);
                    stages.get(stage).recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
                }
            }
        }
        List<Measurement.Stage> latencies = new ArrayList<>();
        for (int stage = 0; stage < stages.size(); stage++) {
            Histogram histogram = stages.get(stage);
            latencies.add(new Measurement.Stage(plan.names().get(stage), histogram.getTotalCount(),
                    histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0));
        }
        return latencies;
    }
}
