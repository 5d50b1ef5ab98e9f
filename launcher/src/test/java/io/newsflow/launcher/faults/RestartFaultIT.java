package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code ./newsflow run} (broker and services in one JVM) stopped with SIGTERM mid-stream and started
 * again on the same data directory: nothing published before the stop is published again, nothing is lost.
 */
class RestartFaultIT {

    @TempDir
    Path dir;

    @Test
    void stoppingAndRestartingTheWholeRunRepublishesAndLosesNothing() throws Exception {
        String run = "restart";
        long started = System.nanoTime();
        int brokerPort = SeparatePipeline.freePort();
        String bootstrap = "127.0.0.1:" + brokerPort;
        Path drop = Files.createDirectories(dir.resolve("drop"));
        try (NewsflowProcess newsflow = NewsflowProcess.start("run", dir, Map.of(
                "NEWSFLOW_INGEST_HTTP_PORT", Integer.toString(SeparatePipeline.freePort()),
                "NEWSFLOW_PUBLISH_HTTP_PORT", Integer.toString(SeparatePipeline.freePort())),
                "run", "--data-dir", dir.resolve("data").toString(), "--broker-port", Integer.toString(brokerPort),
                drop.toString())) {
            newsflow.awaitLog("pipeline running", Duration.ofMinutes(2));
            FaultLog.phase(run, started, "newsflow run is up");
            try (ArticleLoad load = new ArticleLoad(bootstrap, "news.inbound", run, 2_000, 200, 20).start()) {
                load.awaitSent(load.total() / 2, Duration.ofMinutes(2));
                assertThat(newsflow.terminate(Duration.ofSeconds(90))).as("exit status").isIn(0, 143);
                FaultLog.phase(run, started, "stopped at " + load.sent() + " sent");
                newsflow.restart();
                newsflow.awaitLog("pipeline running", Duration.ofMinutes(2));
                FaultLog.phase(run, started, "restarted");

                Map<String, List<String>> sent = load.awaitAcknowledged(Duration.ofMinutes(3));
                List<PublishedVerifier.Published> published = PublishedVerifier.read(bootstrap, "news.published",
                        sent, Duration.ofMinutes(3), Duration.ofSeconds(5));
                PublishedVerifier.Verdict verdict = PublishedVerifier.judge(sent, published);
                FaultLog.phase(run, started, "verified: " + verdict.summary());

                assertThat(verdict.clean()).as(verdict.summary()).isTrue();
            }
        }
    }
}
