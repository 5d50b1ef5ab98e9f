package io.newsflow.enrich.bench;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.enrich.ArticleEnricher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Articles per second of the enriching thread's CPU time: what {@link EnrichBenchmark} measures, but counted in CPU
 * time rather than wall-clock time, so the figure holds up when other work shares the cores (wall-clock JMH swung
 * tenfold on a busy machine; a thread's CPU time does not count the time it waits to be scheduled). It still rises a
 * little on an idle machine: caches and hyper-threads shared with other work slow every instruction.
 *
 * <p>Warms up on the seed for {@code warmup} seconds of wall-clock time (default 60: C2 keeps compiling for tens of
 * seconds), then reports {@code rounds} rounds of {@code seconds} CPU-seconds each (defaults 5 × 5), and their median.
 * Run with the benchmark's JVM options:
 *
 * <pre>
 * java -Xmx512m -Xms512m -Djava.util.concurrent.ForkJoinPool.common.parallelism=0 -cp ... \
 *     io.newsflow.enrich.bench.EnrichCpuTime [warmup-seconds [rounds [cpu-seconds-per-round]]]
 * </pre>
 */
public final class EnrichCpuTime {

    /** Where each result goes, so that the JIT cannot drop the enrichment (JMH's Blackhole does the same job). */
    private static volatile Object sink;

    private EnrichCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double roundSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        ArticleEnricher enricher = ArticleEnricher.standard();
        String text = Files.readString(Path.of(System.getProperty("newsflow.seed",
                "../seeds/000_d5f5171de51368a9.txt")), StandardCharsets.UTF_8);
        RawArticle seed = new RawArticle("seed", "bench", Instant.parse("2026-11-24T09:00:00Z"), ContentTypes.TEXT,
                text);
        if (!(enricher.enrich(seed) instanceof Outcome.Accepted<?>)) {
            throw new IllegalStateException("the seed must enrich");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            for (int i = 0; i < 100; i++) {
                sink = enricher.enrich(seed);
            }
        }
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            long budget = (long) (roundSeconds * 1e9);
            long articles = 0;
            long cpu;
            do {
                for (int i = 0; i < 100; i++) {
                    sink = enricher.enrich(seed);
                }
                articles += 100;
                cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            } while (cpu < budget);
            double wall = (System.nanoTime() - wallStart) / 1e9;
            rates[round] = articles / (cpu / 1e9);
            System.out.printf("round %d: %,d articles, %.2f CPU-s (%.2f s wall): %,.0f articles/CPU-s, %.0f µs/article%n",
                    round + 1, articles, cpu / 1e9, wall, rates[round], 1e6 / rates[round]);
        }
        java.util.Arrays.sort(rates);
        System.out.printf("median %,.0f articles per CPU-second of the enriching thread (%.0f µs/article); "
                + "load average %.2f%n", rates[rounds / 2], 1e6 / rates[rounds / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
