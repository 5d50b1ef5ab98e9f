package io.newsflow.launcher.bench;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.Service;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.streams.StreamsSettings;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.kafka.DataDirectory;
import io.newsflow.kafka.EmbeddedKafkaBroker;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.ProgressLine;
import io.newsflow.publish.PublishConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code newsflow bench}: the baseline (three identity hops) and then the pipeline, each warmed up, run at saturation
 * and at a fixed offered rate, on one fresh embedded broker in a temporary directory; prints the table and the
 * machine-readable line ({@link BenchReport}).
 */
public final class BenchCommand {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    /** A run that moves slower than this is reported as stuck rather than waited for. */
    private static final int SLOWEST_ARTICLES_PER_SECOND = 20;

    private final Env env;
    private final PrintStream out;
    private final PrintStream err;

    public BenchCommand(Env env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Runs both parts and prints the report; 0 when done, 1 when a part failed or got stuck (said on stderr). */
    public int run(BenchOptions options) throws InterruptedException {
        BenchCorpus corpus = BenchCorpus.load();
        double loadBefore = ResourceMeter.loadAverage();
        Path work = temporaryDirectory();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                EmbeddedKafkaBroker.Options.of(work.resolve("broker"), options.brokerPort()))) {
            PipelineSettings base = PipelineSettings.fromEnv(env);
            PipelineSettings settings = base.withKafka(base.kafka().withBootstrapServers(broker.bootstrapServers()))
                    .withStateDir(work.resolve("streams"));
            Measurement baseline = baseline(settings, corpus, options);
            Measurement pipeline = pipeline(settings, corpus, options);
            String machine = String.format(Locale.ROOT, "load average %.2f before, %.2f after, on %d cores; "
                            + "broker, services and the benchmark's clients share this JVM",
                    loadBefore, ResourceMeter.loadAverage(), Runtime.getRuntime().availableProcessors());
            BenchReport.lines(setup(settings, corpus), machine, baseline, pipeline).forEach(out::println);
            out.flush();
            return 0;
        } catch (Stuck e) {
            err.println("newsflow: bench: " + e.getMessage());
            return 1;
        } finally {
            DataDirectory.delete(work);
        }
    }

    private Measurement baseline(PipelineSettings settings, BenchCorpus corpus, BenchOptions options)
            throws InterruptedException {
        IdentityChain chain = new IdentityChain(settings, "bench");
        try (Arrivals arrivals = new Arrivals(settings.kafka(), settings.applicationId("bench-baseline-arrivals"),
                chain.output(), Optional.empty(), UnaryOperator.identity());
             Load load = new Load(settings.kafka(), settings.applicationId("bench-baseline-load"), chain.input(),
                     arrivals, corpus)) {
            return measure("baseline", chain, chain.stages(), settings, arrivals, load, options);
        }
    }

    private Measurement pipeline(PipelineSettings settings, BenchCorpus corpus, BenchOptions options)
            throws InterruptedException {
        IngestConfig fromEnv = IngestConfig.fromEnv(env, settings);
        // As `newsflow run` would start them, but with the HTTP servers on free loopback ports.
        IngestConfig ingest = new IngestConfig(settings, fromEnv.maxBytes(), "127.0.0.1", 0, fromEnv.apiKeys(),
                fromEnv.ratePerMinute());
        PublishConfig publish = new PublishConfig(settings, "127.0.0.1", 0, PublishConfig.fromEnv(env).webhooks());
        Pipeline pipeline = new Pipeline(ingest, new EnrichConfig(settings, "127.0.0.1", 0), publish);
        try (Arrivals arrivals = new Arrivals(settings.kafka(), settings.applicationId("bench-pipeline-arrivals"),
                settings.topics().published(), Optional.of(settings.topics().dlq()), ArticleIds::idOf);
             Load load = new Load(settings.kafka(), settings.applicationId("bench-pipeline-load"),
                     settings.topics().inbound(), arrivals, corpus)) {
            StageTimes.Plan services = new StageTimes.Plan(List.of("ingest", "enrich", "publish"),
                    List.of(settings.topics().raw(), settings.topics().enriched()));
            return measure("pipeline", pipeline, services, settings, arrivals, load, options);
        }
    }

    /**
     * Warm-up, saturation, then the fixed rate, whose latency is also split into {@code stages}; the system runs for
     * the three and is stopped after.
     */
    private Measurement measure(String part, Service system, StageTimes.Plan stages, PipelineSettings settings,
                                Arrivals arrivals, Load load, BenchOptions options)
            throws InterruptedException {
        LOG.info("bench: starting the {}", part);
        system.start();
        ExecutorService sender = Executors.newSingleThreadExecutor(task -> new Thread(task, "bench-load-" + part));
        try {
            WarmupRounds warmup = warmUp(part, arrivals, load, sender, options);

            Phase saturation = new Phase(part + " at saturation", options.articles());
            ResourceMeter meter = ResourceMeter.start();
            long start = System.nanoTime();
            long bytes = await(saturation, arrivals, CompletableFuture.supplyAsync(() -> load.burst(saturation), sender));
            double seconds = (System.nanoTime() - start) / 1e9;
            ResourceMeter.Usage usage = meter.stop();

            StageTimes stageTimes = new StageTimes(stages);
            Phase fixedRate = new Phase(part + " at " + options.rate() + " articles/s", options.latencyArticles(),
                    Optional.of(stageTimes));
            try (StageWatch watch = new StageWatch(settings.kafka(),
                    settings.applicationId("bench-" + part + "-stages"), stageTimes)) {
                await(fixedRate, arrivals,
                        CompletableFuture.supplyAsync(() -> load.paced(fixedRate, options.rate()), sender));
                watch.check();
            }
            Histogram latencies = fixedRate.latencies();
            Measurement.Latency latency = new Measurement.Latency(options.rate(), latencies.getTotalCount(),
                    millis(latencies.getValueAtPercentile(50)), millis(latencies.getValueAtPercentile(95)),
                    millis(latencies.getValueAtPercentile(99)), millis(latencies.getMaxValue()),
                    stageTimes.latencies());
            return new Measurement(warmup.result(), saturation.expected(), seconds, bytes, usage.cpuSeconds(),
                    usage.cpuByGroup(), usage.peakHeapBytes(), latency,
                    warmup.rejected() + saturation.rejectedCount() + fixedRate.rejectedCount(), arrivals.unexpected());
        } finally {
            sender.shutdownNow();
            LOG.info("bench: stopping the {}", part);
            system.stop();
        }
    }

    /** Rounds of {@code options.warmup()} articles until the JIT compiler settles or the time limit ({@link Warmup}). */
    private WarmupRounds warmUp(String part, Arrivals arrivals, Load load, ExecutorService sender,
                                BenchOptions options) throws InterruptedException {
        Duration limit = Duration.ofSeconds(options.warmupLimitSeconds());
        long start = System.nanoTime();
        long articles = 0;
        long rejected = 0;
        double jitShare;
        int round = 0;
        do {
            round++;
            ResourceMeter meter = ResourceMeter.start();
            long roundStart = System.nanoTime();
            long roundArticles = 0;
            // Bursts of options.warmup() articles; after the first round, as many as fill the round's minimum time,
            // since the compiler's share over a second or two swings too much to judge by.
            do {
                Phase phase = new Phase(part + " warm-up round " + round, options.warmup());
                await(phase, arrivals, CompletableFuture.supplyAsync(() -> load.burst(phase), sender));
                roundArticles += phase.expected();
                rejected += phase.rejectedCount();
            } while (limit.compareTo(Duration.ZERO) > 0
                    && Duration.ofNanos(System.nanoTime() - roundStart).compareTo(Warmup.MIN_ROUND) < 0);
            double roundMillis = (System.nanoTime() - roundStart) / 1e6;
            // CPU time of the compiler threads (Linux schedstat): 0 where the kernel does not say, i.e. one round.
            jitShare = meter.stop().cpuByGroup().getOrDefault(ResourceMeter.JIT, 0.0) * 1000 / roundMillis;
            articles += roundArticles;
            err.printf(Locale.ROOT, "newsflow: %s warm-up round %d: %,d articles in %.1f s, JIT compiler busy %.0f%% "
                    + "of the time%n", part, round, roundArticles, roundMillis / 1000, jitShare * 100);
        } while (Warmup.anotherRound(jitShare, Duration.ofNanos(System.nanoTime() - start), limit));
        return new WarmupRounds(new Warmup(articles, (System.nanoTime() - start) / 1e9, jitShare), rejected);
    }

    private record WarmupRounds(Warmup result, long rejected) {
    }

    /** Waits until every article of the phase came out, with a progress line; returns the bytes sent. */
    private long await(Phase phase, Arrivals arrivals, CompletableFuture<Long> sending) throws InterruptedException {
        long limit = TimeUnit.SECONDS.toNanos(60 + phase.expected() / SLOWEST_ARTICLES_PER_SECOND);
        long deadline = System.nanoTime() + limit;
        ProgressLine progress = new ProgressLine(err, phase.name(), "articles out", 0, phase.expected(),
                PROGRESS_EVERY);
        while (!phase.complete()) {
            arrivals.check();
            if (sending.isCompletedExceptionally()) {
                break; // reported below
            }
            if (System.nanoTime() > deadline) {
                throw new Stuck(phase.name() + ": only " + phase.done() + " of " + phase.expected()
                        + " articles came out within " + TimeUnit.NANOSECONDS.toSeconds(limit) + " s");
            }
            progress.update(phase.done());
            Thread.sleep(20);
        }
        try {
            return sending.get();
        } catch (ExecutionException e) {
            throw new Stuck(phase.name() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** What was measured under which settings: the guarantee, the commit interval and any KAFKA_* overrides. */
    private static String setup(PipelineSettings settings, BenchCorpus corpus) {
        Properties streams = StreamsSettings.forService(settings, "bench");
        Map<String, Object> overrides = new TreeMap<>();
        settings.kafka().streams().forEach((key, value) -> overrides.put("streams " + key, masked(key, value)));
        settings.kafka().producer().forEach((key, value) -> overrides.put("producer " + key, masked(key, value)));
        settings.kafka().consumer().forEach((key, value) -> overrides.put("consumer " + key, masked(key, value)));
        return String.format(Locale.ROOT, "newsflow bench: %s, commit.interval.ms=%s, %d partitions%s; corpus of %d "
                        + "articles (mean %.1f KB) cycled", streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
                streams.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), settings.partitions(),
                overrides.isEmpty() ? "" : ", overrides " + overrides, corpus.size(), corpus.meanBytes() / 1000);
    }

    private static Object masked(String key, Object value) {
        return key.contains("password") || key.contains("jaas") ? "***" : value;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("newsflow-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the benchmark's broker", e);
        }
    }

    /** A part that failed or made no progress: the benchmark cannot report it. */
    private static final class Stuck extends RuntimeException {
        Stuck(String message) {
            super(message);
        }

        Stuck(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
