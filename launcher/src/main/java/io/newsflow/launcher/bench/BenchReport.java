package io.newsflow.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The benchmark's output: a table of both parts side by side, then the ratio, then one machine-readable line of
 * {@code name=value} pairs (always last, always the same names in the same order).
 */
final class BenchReport {

    private BenchReport() {
    }

    /**
     * @param setup   one line saying what was measured under which settings
     * @param machine one line saying how loaded the machine was
     */
    static List<String> lines(String setup, String machine, Measurement baseline, Measurement pipeline) {
        List<String> lines = new ArrayList<>();
        lines.add(setup);
        lines.add(machine);
        lines.add("");
        lines.add(row("", "baseline", "pipeline"));
        lines.add(row("warm-up articles", baseline, pipeline, m -> count(m.warmup().articles())));
        lines.add(row("  seconds", baseline, pipeline, m -> decimal(m.warmup().seconds(), 1)));
        lines.add(row("  JIT busy in its last round", baseline, pipeline,
                m -> decimal(m.warmup().jitShare() * 100, 0) + "%" + (m.warmup().settled() ? "" : " (!)")));
        lines.add(row("articles at saturation", baseline, pipeline, m -> count(m.articles())));
        lines.add(row("  articles/s", baseline, pipeline, m -> decimal(m.articlesPerSecond(), 1)));
        lines.add(row("  MB/s (as sent)", baseline, pipeline, m -> decimal(m.megabytesPerSecond(), 2)));
        lines.add(row("  CPU-s per 1,000 articles", baseline, pipeline, m -> decimal(m.cpuSecondsPerThousand(), 3)));
        lines.add(row("  peak heap MB", baseline, pipeline, m -> decimal(m.peakHeapMegabytes(), 0)));
        lines.add(row("latency at " + count(pipeline.latency().rate()) + " articles/s", baseline, pipeline,
                m -> count(m.latency().articles())));
        lines.add(row("  p50 ms", baseline, pipeline, m -> decimal(m.latency().p50(), 1)));
        lines.add(row("  p95 ms", baseline, pipeline, m -> decimal(m.latency().p95(), 1)));
        lines.add(row("  p99 ms", baseline, pipeline, m -> decimal(m.latency().p99(), 1)));
        lines.add(row("  max ms", baseline, pipeline, m -> decimal(m.latency().max(), 1)));
        lines.add(row("dead-lettered", baseline, pipeline, m -> count(m.rejected())));
        lines.add(row("unexpected or repeated", baseline, pipeline, m -> count(m.unexpected())));
        lines.add("");
        lines.add("CPU-s per 1,000 articles at saturation, by thread group:");
        lines.add("  baseline: " + byGroup(baseline));
        lines.add("  pipeline: " + byGroup(pipeline));
        lines.add("latency at " + count(pipeline.latency().rate()) + " articles/s by stage, p50 / p99 ms:");
        lines.add("  baseline: " + byStage(baseline));
        lines.add("  pipeline: " + byStage(pipeline));
        double ratio = ratio(baseline, pipeline);
        if (!baseline.warmup().settled() || !pipeline.warmup().settled()) {
            lines.add(String.format(Locale.ROOT, "(!) the JIT compiler was still busy %.0f%% of the time or more when "
                    + "the warm-up ended: the figures include start-up work", Warmup.SETTLED * 100));
        }
        lines.add("ratio pipeline/baseline at saturation: " + decimal(ratio, 3));
        lines.add(String.format(Locale.ROOT, "ratio=%.3f p99_ms=%.1f p95_ms=%.1f p50_ms=%.1f pipeline_aps=%.1f "
                        + "baseline_aps=%.1f pipeline_mbps=%.2f baseline_mbps=%.2f baseline_p99_ms=%.1f "
                        + "cpu_s_per_1k=%.3f peak_heap_mb=%.0f rate=%d dead_lettered=%d unexpected=%d "
                        + "pipeline_warmup_s=%.0f jit_settled=%b",
                ratio, pipeline.latency().p99(), pipeline.latency().p95(), pipeline.latency().p50(),
                pipeline.articlesPerSecond(), baseline.articlesPerSecond(), pipeline.megabytesPerSecond(),
                baseline.megabytesPerSecond(), baseline.latency().p99(), pipeline.cpuSecondsPerThousand(),
                pipeline.peakHeapMegabytes(), pipeline.latency().rate(), pipeline.rejected(),
                pipeline.unexpected() + baseline.unexpected(), pipeline.warmup().seconds(),
                baseline.warmup().settled() && pipeline.warmup().settled()));
        return lines;
    }

    private static String byGroup(Measurement measurement) {
        return String.join(", ", measurement.cpuByGroup().entrySet().stream()
                .map(group -> group.getKey() + " " + decimal(group.getValue() / measurement.articles() * 1000, 3))
                .toList());
    }

    private static String byStage(Measurement measurement) {
        return String.join(", ", measurement.latency().byStage().stream()
                .map(stage -> stage.articles() == 0 ? stage.name() + " -"
                        : stage.name() + " " + decimal(stage.p50(), 1) + " / " + decimal(stage.p99(), 1))
                .toList());
    }

    static double ratio(Measurement baseline, Measurement pipeline) {
        return pipeline.articlesPerSecond() / baseline.articlesPerSecond();
    }

    private static String row(String label, Measurement baseline, Measurement pipeline,
                              Function<Measurement, String> value) {
        return row(label, value.apply(baseline), value.apply(pipeline));
    }

    private static String row(String label, String baseline, String pipeline) {
        return String.format(Locale.ROOT, "%-34s %12s %12s", label, baseline, pipeline).stripTrailing();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%,." + places + "f", value);
    }
}
