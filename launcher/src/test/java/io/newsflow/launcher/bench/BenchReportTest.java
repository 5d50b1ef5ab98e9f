package io.newsflow.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final Measurement BASELINE = new Measurement(new Warmup(5_000, 2.0, 0.125), 20_000, 2.5, 36_000_000, 5.0,
            ordered("broker and other", 3.0, "identity hops", 1.5, "GC", 0.5), 400L * 1024 * 1024,
            new Measurement.Latency(500, 15_000, 60.25, 90.5, 120.0, 180.0, List.of(
                    new Measurement.Stage("hop 1", 15_000, 20.0, 40.0), new Measurement.Stage("hop 2", 15_000, 20.5, 40.0),
                    new Measurement.Stage("hop 3", 15_000, 20.0, 40.25))), 0, 0);
    private static final Measurement PIPELINE = new Measurement(new Warmup(60_000, 95.5, 0.284), 20_000, 20.0, 36_000_000, 30.0,
            ordered("enrich", 20.0, "publish", 6.0, "broker and other", 4.0), 900L * 1024 * 1024,
            new Measurement.Latency(500, 15_000, 200.0, 260.0, 290.5, 410.0, List.of(
                    new Measurement.Stage("ingest", 14_998, 60.0, 90.0),
                    new Measurement.Stage("enrich", 14_998, 50.0, 110.0),
                    new Measurement.Stage("publish", 0, 0, 0))), 2, 1);

    private static Map<String, Double> ordered(String first, double a, String second, double b, String third,
                                               double c) {
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put(first, a);
        groups.put(second, b);
        groups.put(third, c);
        return groups;
    }

    @Test
    void printsBothPartsSideBySideThenTheRatioThenOneMachineReadableLine() {
        List<String> lines = BenchReport.lines("setup line", "machine line", BASELINE, PIPELINE);

        assertThat(lines).containsExactly(
                "setup line",
                "machine line",
                "",
                "                                       baseline     pipeline",
                "warm-up articles                          5,000       60,000",
                "  seconds                                   2.0         95.5",
                "  JIT busy in its last round                13%          28%",
                "articles at saturation                   20,000       20,000",
                "  articles/s                            8,000.0      1,000.0",
                "  MB/s (as sent)                          14.40         1.80",
                "  CPU-s per 1,000 articles                0.250        1.500",
                "  peak heap MB                              400          900",
                "latency at 500 articles/s                15,000       15,000",
                "  p50 ms                                   60.3        200.0",
                "  p95 ms                                   90.5        260.0",
                "  p99 ms                                  120.0        290.5",
                "  max ms                                  180.0        410.0",
                "dead-lettered                                 0            2",
                "unexpected or repeated                        0            1",
                "",
                "CPU-s per 1,000 articles at saturation, by thread group:",
                "  baseline: broker and other 0.150, identity hops 0.075, GC 0.025",
                "  pipeline: enrich 1.000, publish 0.300, broker and other 0.200",
                "latency at 500 articles/s by stage, p50 / p99 ms:",
                "  baseline: hop 1 20.0 / 40.0, hop 2 20.5 / 40.0, hop 3 20.0 / 40.3",
                "  pipeline: ingest 60.0 / 90.0, enrich 50.0 / 110.0, publish -",
                "ratio pipeline/baseline at saturation: 0.125",
                "ratio=0.125 p99_ms=290.5 p95_ms=260.0 p50_ms=200.0 pipeline_aps=1000.0 baseline_aps=8000.0 "
                        + "pipeline_mbps=1.80 baseline_mbps=14.40 baseline_p99_ms=120.0 cpu_s_per_1k=1.500 "
                        + "peak_heap_mb=900 rate=500 dead_lettered=2 unexpected=1 pipeline_warmup_s=96 jit_settled=true");
    }

    @Test
    void saysWhenTheWarmUpEndedBeforeTheJitCompilerSettled() {
        Measurement cold = new Measurement(new Warmup(300, 1.5, 0.9), PIPELINE.articles(), PIPELINE.seconds(),
                PIPELINE.bytes(), PIPELINE.cpuSeconds(), PIPELINE.cpuByGroup(), PIPELINE.peakHeapBytes(),
                PIPELINE.latency(), 0, 0);

        List<String> lines = BenchReport.lines("setup", "machine", BASELINE, cold);

        assertThat(lines).contains("  JIT busy in its last round                13%      90% (!)",
                "(!) the JIT compiler was still busy 30% of the time or more when the warm-up ended: the figures "
                        + "include start-up work");
        assertThat(lines.get(lines.size() - 1)).endsWith(" pipeline_warmup_s=2 jit_settled=false");
    }
}
