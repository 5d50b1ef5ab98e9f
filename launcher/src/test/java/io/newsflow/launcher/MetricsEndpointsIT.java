package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.Json;
import io.newsflow.contract.Service;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.publish.PublishConfig;
import io.newsflow.publish.PublishService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of all three services, scraped over HTTP after one article went through: the exact counts of
 * what each did with it, its end-to-end latency, and the Kafka, Streams, lag and JVM metrics beside them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MetricsEndpointsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void eachServiceCountsTheOneArticleItHandledAndServesKafkaStreamsLagAndJvmMetrics(TestKafka kafka)
            throws Exception {
        // Given the three services on their own topics, each with its HTTP server on a free port
        IsolatedRun run = IsolatedRun.on(kafka, "metrics", tmp.resolve("streams"));
        Env env = run.env();
        PipelineSettings settings = PipelineSettings.fromEnv(env);
        TopicAdmin.ensureTopics(settings, settings.applicationId("admin"));
        IngestService ingest = new IngestService(IngestConfig.fromEnv(env));
        EnrichService enrich = new EnrichService(EnrichConfig.fromEnv(env));
        PublishService publish = new PublishService(PublishConfig.fromEnv(env));
        Service all = Service.all(List.of(publish, enrich, ingest));
        try {
            all.start();

            // When one article is POSTed and published
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + ingest.httpPort() + "/v1/articles"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofFile(SeedArticle.FILE))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = Json.mapper().readTree(accepted.body()).get("id").asText();
            await(publish.httpPort(), "/articles/" + id, response -> response.statusCode() == 200);

            // Then publish counted and timed it once, and serves both Streams apps' metrics and lag
            PrometheusText published = new PrometheusText(await(publish.httpPort(), "/metrics",
                    response -> response.body().contains("newsflow_end_to_end_latency_seconds_count")).body());
            assertThat(published.value("newsflow_articles_published_total", "service=\"publish\"")).isEqualTo(1.0);
            assertThat(published.value("newsflow_end_to_end_latency_seconds_count", "service=\"publish\""))
                    .isEqualTo(1.0);
            assertThat(published.value("newsflow_end_to_end_latency_seconds_sum", "service=\"publish\""))
                    .isGreaterThan(0.0).isLessThan(TIMEOUT.toSeconds());
            assertThat(published.value("newsflow_end_to_end_latency_seconds_bucket", "le=\"+Inf\"")).isEqualTo(1.0);
            assertThat(published.names()).filteredOn(name -> name.equals("newsflow_end_to_end_latency_seconds_bucket"))
                    .hasSizeGreaterThan(10);
            assertThat(published.series("newsflow_consumer_lag_records")).containsExactlyInAnyOrder(
                    "app=\"" + settings.applicationId("publish") + "\",service=\"publish\"",
                    "app=\"" + settings.applicationId("publish-webhooks") + "\",service=\"publish\"");
            assertThat(published.names()).contains("kafka_stream_thread_process_total",
                    "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes");
            assertThat(published.names()).doesNotContain("newsflow_dead_letters_total");

            // And enrich counted it once
            PrometheusText enriched = new PrometheusText(scrape(enrich.httpPort()));
            assertThat(enriched.value("newsflow_articles_enriched_total", "service=\"enrich\"")).isEqualTo(1.0);
            assertThat(enriched.series("newsflow_consumer_lag_records")).containsExactly(
                    "app=\"" + settings.applicationId("enrich") + "\",service=\"enrich\"");
            assertThat(enriched.names()).contains("kafka_stream_thread_process_total");

            // And ingest counted it once, rejected nothing, and serves its producer's metrics
            PrometheusText ingested = new PrometheusText(scrape(ingest.httpPort()));
            assertThat(ingested.value("newsflow_articles_accepted_total", "service=\"ingest\"")).isEqualTo(1.0);
            assertThat(ingested.names()).doesNotContain("newsflow_articles_rejected_total",
                    "newsflow_dead_letters_total");
            assertThat(ingested.names()).contains("kafka_producer_record_send_total", "kafka_stream_thread_process_total",
                    "newsflow_consumer_lag_records");
        } finally {
            all.stop();
        }
    }

    private String scrape(int port) throws Exception {
        HttpResponse<String> response = get(port, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        return response.body();
    }

    /** Polls until the answer satisfies {@code done}, at most {@link #TIMEOUT}. */
    private HttpResponse<String> await(int port, String path, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(port, path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100); // poll interval, not synchronization: the loop waits for the answer
        }
        throw new AssertionError(path + " on " + port + " not as expected within " + TIMEOUT + "; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
