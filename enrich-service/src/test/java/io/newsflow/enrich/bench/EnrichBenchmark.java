package io.newsflow.enrich.bench;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.Outcome;
import io.newsflow.contract.RawArticle;
import io.newsflow.enrich.ArticleEnricher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole enrichment of one seed-sized article (clean, structure, language, entities, key phrases, subjects,
 * summary, fingerprints) on one thread, in a 512 MB heap: the budget enrich-service runs in, with the JVM options its
 * Dockerfile gives it. Lingua hands each detection to the JDK's common ForkJoinPool and waits for it; with the common
 * pool's parallelism at 0 (as in the Dockerfile) the waiting thread runs the task itself, so the enrichment is
 * really done on one thread. Run with {@code mvn -Pbench -pl enrich-service -am verify -DskipTests} (see the module
 * README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=0"})
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 5, time = 10)
public class EnrichBenchmark {

    private ArticleEnricher enricher;
    private RawArticle seed;

    @Setup
    public void load() throws IOException {
        enricher = ArticleEnricher.standard();
        String text = Files.readString(Path.of(System.getProperty("newsflow.seed",
                "../seeds/000_d5f5171de51368a9.txt")), StandardCharsets.UTF_8);
        seed = new RawArticle("seed", "bench", Instant.parse("2026-11-24T09:00:00Z"), ContentTypes.TEXT, text);
        if (!(enricher.enrich(seed) instanceof Outcome.Accepted<?>)) {
            throw new IllegalStateException("the seed must enrich");
        }
    }

    @Benchmark
    public Object enrichSeed() {
        return enricher.enrich(seed);
    }
}
