package io.newsflow.launcher.bench;

import io.newsflow.launcher.UsageException;
import java.util.List;

/**
 * Options of {@code newsflow bench}.
 *
 * @param articles       articles pushed as fast as the producer can for the saturation figure (each part)
 * @param warmup         articles each part carries before anything is measured (JIT, caches, first commits); the
 *                       full run repeats this round until the JIT compiler settles ({@link Warmup})
 * @param warmupLimitSeconds the longest the warm-up rounds go on; 0: one round
 * @param rate           the offered rate of the latency run, articles per second
 * @param latencySeconds how long the latency run offers articles at {@code rate} (each part)
 * @param brokerPort     the embedded broker's port on 127.0.0.1; 0 picks a free one
 */
public record BenchOptions(int articles, int warmup, int warmupLimitSeconds, int rate, int latencySeconds,
                           int brokerPort) {

    public static final String USAGE = """
            Usage: newsflow bench [--quick] [--rate N] [--warmup-seconds N] [--broker-port N]
              Measures the pipeline against what Kafka alone costs on this machine, in one process on a fresh
              embedded broker (in a temporary directory, deleted afterwards), with the same client settings for both:
                baseline  three identity consume-produce hops (Kafka Streams, stream(a).to(b)) carrying the same
                          articles;
                pipeline  ingest, enrich and publish as `newsflow run` starts them, fed news.inbound by a producer.
              Articles are the seed and enrich-service's test corpus, cycled, each copy with its own id and a
              changed first sentence (so none is a duplicate). For each part it prints articles/s and MB/s at
              saturation (as many articles as the producer can push, timed from the first send until the last
              arrives), end-to-end latency p50/p95/p99 at a fixed offered rate (from the time each article was
              due to be sent to the time a read_committed consumer sees its output) and its split by stage (each
              service of the pipeline, from its input topic to its output topic; each hop of the baseline),
              CPU-seconds per 1,000 articles and peak heap. Progress goes to stderr; the table and, last, one
              machine-readable line (ratio=… p99_ms=… …) to stdout. KAFKA_* and NEWSFLOW_* settings apply as for
              `newsflow run`.
              Each part is first warmed up in rounds of 5,000 articles until the JIT compiler is busy less than
              30% of a round's time, for at most --warmup-seconds (default 240): the figures are the steady state.
              --quick           fewer articles, one 300-article warm-up round, a shorter latency run: done in under
                                a minute, and measures the start-up rather than the steady state
              --rate N          offered rate of the latency run in articles/s (default 500)
              --warmup-seconds N  the longest the warm-up rounds go on (0: one round)
              --broker-port N   embedded broker port (default: a free one)""";

    // The JIT compiler keeps a core busy for minutes after start (docs/performance.md): the full run warms up until it
    // has settled, so that it measures the steady state a long-running service works in.
    static final BenchOptions FULL = new BenchOptions(20_000, 5_000, 240, 500, 30, 0);
    // Sized for under a minute here: at 500/s offered the latency run's articles drain at the pipeline's own rate,
    // which is the cold pipeline's (~150-230/s); with a 5 s latency run it took 45-57 s (session 5: 45 s with the
    // default 50 ms commit interval, 50-57 s with 20 ms), so 3 s.
    static final BenchOptions QUICK = new BenchOptions(2_000, 300, 0, 500, 3, 0);

    public static BenchOptions parse(List<String> args) {
        BenchOptions options = args.contains("--quick") ? QUICK : FULL;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> {
                    // chosen above: the other options refine it, in any order
                }
                case "--rate" -> options = options.withRate(number(args, ++i, arg, 1, 100_000));
                case "--broker-port" -> options = new BenchOptions(options.articles, options.warmup,
                        options.warmupLimitSeconds, options.rate, options.latencySeconds,
                        number(args, ++i, arg, 1, 65535));
                // Not in the usage: lets a test run the whole command on a handful of articles.
                case "--articles" -> {
                    int articles = number(args, ++i, arg, 1, 10_000_000);
                    options = new BenchOptions(articles, Math.min(options.warmup, articles),
                            options.warmupLimitSeconds, options.rate, options.latencySeconds, options.brokerPort);
                }
                case "--latency-seconds" -> options = new BenchOptions(options.articles, options.warmup,
                        options.warmupLimitSeconds, options.rate, number(args, ++i, arg, 1, 3_600),
                        options.brokerPort);
                case "--warmup-seconds" -> options = new BenchOptions(options.articles, options.warmup,
                        number(args, ++i, arg, 0, 3_600), options.rate, options.latencySeconds, options.brokerPort);
                default -> throw new UsageException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return options;
    }

    /** The number of articles the latency run sends. */
    int latencyArticles() {
        return Math.max(1, rate * latencySeconds);
    }

    private BenchOptions withRate(int newRate) {
        return new BenchOptions(articles, warmup, warmupLimitSeconds, newRate, latencySeconds, brokerPort);
    }

    private static int number(List<String> args, int index, String option, int min, int max) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        String value = args.get(index);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " takes a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}
