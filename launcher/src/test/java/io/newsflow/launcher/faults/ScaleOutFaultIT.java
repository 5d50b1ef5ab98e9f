package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of each service share the partitions (Kafka's consumer groups, nothing of our own); one of each is
 * killed mid-stream and not restarted: the survivors take its partitions over, and nothing is lost or duplicated.
 */
class ScaleOutFaultIT {

    @TempDir
    Path dir;

    @Test
    void survivorsTakeOverWhenOneInstanceOfEachServiceIsKilled() throws Exception {
        String run = "scale";
        long started = System.nanoTime();
        try (SeparatePipeline pipeline = SeparatePipeline.withBroker(dir, Map.of())) {
            List<NewsflowProcess> first = pipeline.start(List.of("ingest", "enrich", "publish"), 1);
            List<NewsflowProcess> second = pipeline.start(List.of("ingest", "enrich", "publish"), 2);
            FaultLog.phase(run, started, "two instances of each service started");
            try (ArticleLoad load = new ArticleLoad(pipeline.bootstrapServers(), pipeline.topics().inbound(), run,
                    2_000, 200, 20).start()) {
                load.awaitSent(load.total() / 3, Duration.ofMinutes(2));
                for (NewsflowProcess instance : second) {
                    instance.kill9();
                }
                FaultLog.phase(run, started, "killed the second instances at " + load.sent() + " sent");

                Map<String, List<String>> sent = load.awaitAcknowledged(Duration.ofMinutes(3));
                FaultLog.phase(run, started, "all " + load.total() + " acknowledged");
                List<PublishedVerifier.Published> published = PublishedVerifier.read(pipeline.bootstrapServers(),
                        pipeline.topics().published(), sent, Duration.ofMinutes(3), Duration.ofSeconds(5));
                PublishedVerifier.Verdict verdict = PublishedVerifier.judge(sent, published);
                FaultLog.phase(run, started, "verified: " + verdict.summary());

                assertThat(verdict.clean()).as(verdict.summary()).isTrue();
                assertThat(first).allMatch(NewsflowProcess::isAlive);
            }
        }
    }
}
