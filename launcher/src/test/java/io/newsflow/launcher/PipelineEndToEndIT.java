package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.Json;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.ninjs.NinjsSchema;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The seed through ingest, enrich and publish on a real broker, as {@code newsflow run --once} runs them. */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineEndToEndIT {

    @TempDir
    Path tmp;
    private Map<String, String> env;
    private TopicNames topics;

    @BeforeEach
    void isolate(TestKafka kafka) {
        IsolatedRun run = IsolatedRun.on(kafka, "e2e", tmp.resolve("streams"));
        topics = run.topics();
        env = new HashMap<>(run.settings());
        env.remove("NEWSFLOW_STATE_DIR"); // `run` keeps its state under --data-dir, as users see it
    }

    @Test
    void publishesTheSeedOnceAndARerunOnTheSameDataRepublishesNothing(TestKafka kafka) throws Exception {
        // Given the seed folder
        List<String> args = List.of("--once", "--data-dir", tmp.resolve("data").toString(),
                SeedArticle.SEEDS.toString());

        // When the pipeline runs once, then again on the same data
        Result first = run(args);
        Result second = run(args);

        // Then the first run printed the seed's ninjs document and exited 0
        assertThat(first.status()).isZero();
        assertThat(first.lines()).hasSize(1);
        JsonNode published = SeedArticle.assertIsSeedDocument(first.lines().get(0));
        // And the second counted the earlier publication: same document, nothing new on the topic
        assertThat(second.status()).isZero();
        assertThat(second.lines()).containsExactlyElementsOf(first.lines());
        var onTopic = new TopicProbe(kafka).read(topics.published(), 1, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(onTopic).hasSize(1);
        assertThat(NinjsSchema.violations(Json.mapper().readTree(onTopic.get(0).value()))).isEmpty();
        // And `newsflow enrich` prints the same document but for its timestamps
        ByteArrayOutputStream enrichOut = new ByteArrayOutputStream();
        new EnrichFilesCommand(IngestConfig.fromEnv(new Env(env)), Clock.systemUTC(),
                new PrintStream(enrichOut, true, StandardCharsets.UTF_8), System.err).run(List.of(SeedArticle.FILE));
        assertThat(SeedArticle.withoutTimes(Json.mapper().readTree(enrichOut.toString(StandardCharsets.UTF_8))))
                .isEqualTo(SeedArticle.withoutTimes(published));
    }

    @Test
    void exitsNonZeroNamingTheFileThatWasRejected() throws Exception {
        // Given a folder with the seed and an article that is nothing but ad markers
        Path inbox = Files.createDirectory(tmp.resolve("inbox"));
        Files.copy(SeedArticle.FILE, inbox.resolve(SeedArticle.FILE.getFileName()));
        Files.writeString(inbox.resolve("only-ads.txt"), "[ad_1]\n[ad_2]\n");

        // When the pipeline runs once
        Result result = run(List.of("--once", "--data-dir", tmp.resolve("data").toString(), inbox.toString()));

        // Then the seed is published, the other is reported with the reason enrich gave, and the exit is 1
        assertThat(result.status()).isEqualTo(RunCommand.REJECTED);
        assertThat(result.lines()).hasSize(1);
        SeedArticle.assertIsSeedDocument(result.lines().get(0));
        assertThat(result.errors()).isEqualTo("newsflow: " + inbox.resolve("only-ads.txt")
                + ": rejected: no-article-text: nothing is left of the article once ad markers and markup are removed\n");
    }

    private Result run(List<String> args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new RunCommand(new Env(env), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(RunOptions.parse(args));
        return new Result(status, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, List<String> lines, String errors) {
    }
}
