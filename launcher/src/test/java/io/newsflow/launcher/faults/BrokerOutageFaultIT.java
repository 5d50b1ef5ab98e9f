package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops for 20 s mid-stream and comes back on the same data directory: ingest answers 503 while it is
 * away, every service recovers by itself (none is restarted), and nothing is lost or published twice.
 */
class BrokerOutageFaultIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final int PROBE = 1_000_000;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void servicesRideOutATwentySecondBrokerOutageWhileIngestAnswers503() throws Exception {
        String run = "outage";
        long started = System.nanoTime();
        try (SeparatePipeline pipeline = SeparatePipeline.withBroker(dir, Map.of())) {
            List<NewsflowProcess> services = pipeline.start(List.of("ingest", "enrich", "publish"), 1);
            NewsflowProcess ingest = services.get(0);
            URI articles = URI.create("http://127.0.0.1:" + ingest.env().get("NEWSFLOW_INGEST_HTTP_PORT")
                    + "/v1/articles");
            try (ArticleLoad load = new ArticleLoad(pipeline.bootstrapServers(), pipeline.topics().inbound(), run,
                    2_000, 200, 20).start()) {
                load.awaitSent(load.total() / 3, Duration.ofMinutes(2));
                assertThat(pipeline.broker().terminate(Duration.ofSeconds(60))).as("exit status").isIn(0, 143);
                long down = System.nanoTime();
                FaultLog.phase(run, started, "broker stopped at " + load.sent() + " sent");

                HttpResponse<String> refused = post(articles);
                FaultLog.phase(run, started, "POST while the broker is down: " + refused.statusCode());
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();

                LockSupport.parkNanos(down + OUTAGE.toNanos() - System.nanoTime());
                pipeline.broker().restart();
                pipeline.broker().awaitLog("Kafka broker listening on", Duration.ofSeconds(90));
                FaultLog.phase(run, started, "broker back");

                // The client retries what was refused, with the same Idempotency-Key, until it is accepted.
                HttpResponse<String> accepted = retryUntilAccepted(articles, Duration.ofSeconds(90));
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

                Map<String, List<String>> sent = new HashMap<>(load.awaitAcknowledged(Duration.ofMinutes(3)));
                sent.put(GeneratedArticles.id(run, PROBE),
                        List.of(GeneratedArticles.contentHash(GeneratedArticles.body(run, PROBE, 1))));
                FaultLog.phase(run, started, "all " + (load.total() + 1) + " acknowledged");
                List<PublishedVerifier.Published> published = PublishedVerifier.read(pipeline.bootstrapServers(),
                        pipeline.topics().published(), sent, Duration.ofMinutes(3),
                        Duration.ofSeconds(5));
                PublishedVerifier.Verdict verdict = PublishedVerifier.judge(sent, published);
                FaultLog.phase(run, started, "verified: " + verdict.summary());

                assertThat(verdict.clean()).as(verdict.summary()).isTrue();
                // Recovered without a restart: the first JVM of each service is still the one running.
                assertThat(services).allMatch(NewsflowProcess::isAlive);
                assertThat(services).allMatch(process -> process.starts() == 1);
            }
        }
    }

    private static HttpResponse<String> post(URI articles) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(articles)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "outage-probe")
                .POST(HttpRequest.BodyPublishers.ofByteArray(GeneratedArticles.envelope("outage", PROBE, 1)))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> retryUntilAccepted(URI articles, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> response = post(articles);
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            response = post(articles);
        }
        return response;
    }
}
