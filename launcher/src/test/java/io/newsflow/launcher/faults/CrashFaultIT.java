package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.PipelineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of enrich (3 times) and publish (2 times) while 20,000 articles stream through the pipeline, each service
 * in its own JVM against a broker in its own JVM: exactly once means nothing lost and nothing published twice. The
 * same crashes under at_least_once must make the verifier see duplicates: the proof that it can fail.
 */
class CrashFaultIT {

    private static final int ARTICLES = Integer.getInteger("newsflow.faults.articles", 20_000);
    private static final int RATE = Integer.getInteger("newsflow.faults.rate", 250);
    private static final int CORRECTION_EVERY = 20;
    private static final List<String> FIVE_CRASHES = List.of("enrich", "publish", "enrich", "publish", "enrich");

    @TempDir
    Path dir;

    @Test
    void killNineOfEnrichAndPublishLosesAndDuplicatesNothingUnderExactlyOnce() throws Exception {
        PublishedVerifier.Verdict verdict = crashRun("eos", ARTICLES, FIVE_CRASHES, Map.of());

        assertThat(verdict.clean()).as(verdict.summary()).isTrue();
        assertThat(verdict.publishedRecords()).isEqualTo(verdict.expectedRecords());
    }

    @Test
    void theSameCrashesUnderAtLeastOnceMakeTheVerifierReportDuplicates() throws Exception {
        // at_least_once with Kafka Streams' own commit interval for it (30 s): what a user gets by switching the
        // guarantee alone. Fewer articles and crashes: the point is only that the verifier sees what exactly-once
        // prevents.
        PublishedVerifier.Verdict verdict = crashRun("alos", ARTICLES / 10, List.of("publish", "enrich"), Map.of(
                "NEWSFLOW_PROCESSING_GUARANTEE", PipelineSettings.AT_LEAST_ONCE,
                "KAFKA_STREAMS_COMMIT_INTERVAL_MS", "30000"));

        assertThat(verdict.clean()).as(verdict.summary()).isFalse();
        assertThat(verdict.duplicated()).as(verdict.summary()).isNotEmpty();
    }

    private PublishedVerifier.Verdict crashRun(String run, int articles, List<String> crashes,
                                               Map<String, String> env) throws Exception {
        long started = System.nanoTime();
        try (SeparatePipeline pipeline = SeparatePipeline.withBroker(dir.resolve(run), env)) {
            List<NewsflowProcess> instances = pipeline.start(List.of("ingest", "enrich", "publish"), 1);
            Map<String, NewsflowProcess> services = Map.of("enrich", instances.get(1), "publish", instances.get(2));
            try (ArticleLoad load = new ArticleLoad(pipeline.bootstrapServers(), pipeline.topics().inbound(), run,
                    articles, RATE, CORRECTION_EVERY).start()) {
                // Crashes spread over the stream, each service restarted at once.
                for (int i = 0; i < crashes.size(); i++) {
                    load.awaitSent(load.total() * (i + 1) / (crashes.size() + 1), Duration.ofMinutes(5));
                    NewsflowProcess victim = services.get(crashes.get(i));
                    victim.kill9();
                    FaultLog.phase(run, started, "killed " + victim.name() + " at " + load.sent() + " sent");
                    SeparatePipeline.restart(victim, crashes.get(i));
                    FaultLog.phase(run, started, "restarted " + victim.name());
                }
                Map<String, List<String>> sent = load.awaitAcknowledged(Duration.ofMinutes(5));
                FaultLog.phase(run, started, "all " + load.total() + " acknowledged");
                List<PublishedVerifier.Published> published = PublishedVerifier.read(pipeline.bootstrapServers(),
                        pipeline.topics().published(), sent, Duration.ofMinutes(4), Duration.ofSeconds(5));
                PublishedVerifier.Verdict verdict = PublishedVerifier.judge(sent, published);
                FaultLog.phase(run, started, "verified: " + verdict.summary());
                return verdict;
            }
        }
    }
}
