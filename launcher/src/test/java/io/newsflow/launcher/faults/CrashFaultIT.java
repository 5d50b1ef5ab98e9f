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

    @TempDir
    Path dir;

    @Test
    void killNineOfEnrichAndPublishLosesAndDuplicatesNothingUnderExactlyOnce() throws Exception {
        PublishedVerifier.Verdict verdict = crashRun("eos", ARTICLES, Map.of());

        assertThat(verdict.clean()).as(verdict.summary()).isTrue();
        assertThat(verdict.publishedRecords()).isEqualTo(verdict.expectedRecords());
    }

    @Test
    void theSameCrashesUnderAtLeastOnceMakeTheVerifierReportDuplicates() throws Exception {
        // at_least_once with Kafka Streams' own commit interval for it (30 s): what a user gets by switching the
        // guarantee alone. Fewer articles: the point is only that the verifier sees what exactly-once prevents.
        PublishedVerifier.Verdict verdict = crashRun("alos", ARTICLES / 4, Map.of(
                "NEWSFLOW_PROCESSING_GUARANTEE", PipelineSettings.AT_LEAST_ONCE,
                "KAFKA_STREAMS_COMMIT_INTERVAL_MS", "30000"));

        assertThat(verdict.clean()).as(verdict.summary()).isFalse();
        assertThat(verdict.duplicated()).as(verdict.summary()).isNotEmpty();
    }

    private PublishedVerifier.Verdict crashRun(String run, int articles, Map<String, String> env) throws Exception {
        long started = System.nanoTime();
        try (SeparatePipeline pipeline = SeparatePipeline.withBroker(dir.resolve(run), env)) {
            pipeline.start("ingest", 1);
            NewsflowProcess enrich = pipeline.start("enrich", 1);
            NewsflowProcess publish = pipeline.start("publish", 1);
            try (ArticleLoad load = new ArticleLoad(pipeline.bootstrapServers(), pipeline.topics().inbound(), run,
                    articles, RATE, CORRECTION_EVERY).start()) {
                // Five crashes spread over the stream, alternating services, each restarted at once.
                List<NewsflowProcess> victims = List.of(enrich, publish, enrich, publish, enrich);
                List<String> services = List.of("enrich", "publish", "enrich", "publish", "enrich");
                for (int i = 0; i < victims.size(); i++) {
                    load.awaitSent(load.total() * (i + 1) / (victims.size() + 1), Duration.ofMinutes(5));
                    victims.get(i).kill9();
                    FaultLog.phase(run, started, "killed " + victims.get(i).name() + " at " + load.sent() + " sent");
                    SeparatePipeline.restart(victims.get(i), services.get(i));
                    FaultLog.phase(run, started, "restarted " + victims.get(i).name());
                }
                Map<String, List<String>> sent = load.awaitAcknowledged(Duration.ofMinutes(5));
                FaultLog.phase(run, started, "all " + load.total() + " acknowledged");
                List<PublishedVerifier.Published> published = PublishedVerifier.read(pipeline.bootstrapServers(),
                        pipeline.topics().published(), load.total(), Duration.ofMinutes(4), Duration.ofSeconds(5));
                PublishedVerifier.Verdict verdict = PublishedVerifier.judge(sent, published);
                FaultLog.phase(run, started, "verified: " + verdict.summary());
                return verdict;
            }
        }
    }
}
