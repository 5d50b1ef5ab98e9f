package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.Json;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.TraceContext;
import io.newsflow.contract.config.Env;
import io.newsflow.contract.ninjs.NinjsSchema;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import io.newsflow.publish.PublishConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's ingest quick start, end to end: the seed POSTed to the ingest API comes out as ninjs on the publish
 * API, on the live stream, in every feed and at a webhook subscriber (signed), the status endpoint follows it to
 * "published", and the sender's trace id rides along to news.published.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestApiEndToEndIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    private final TestReceiver receiver = TestReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anArticlePostedToTheIngestApiIsPublishedWithItsTrace(TestKafka kafka) throws Exception {
        IsolatedRun run = IsolatedRun.on(kafka, "api", tmp.resolve("streams"));
        TopicNames topics = run.topics();
        Env env = run.env();
        String trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        try (Pipeline pipeline = new Pipeline(IngestConfig.fromEnv(env), EnrichConfig.fromEnv(env),
                PublishConfig.fromEnv(env))) {
            pipeline.start();
            String ingest = "http://127.0.0.1:" + pipeline.ingest().httpPort();
            String publish = "http://127.0.0.1:" + pipeline.publish().httpPort();

            // Given a webhook subscriber and a reader of the live stream
            String secret = "a-secret-of-24-characters";
            HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(
                            URI.create(publish + "/v1/subscriptions")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + receiver.url() + "\", \"secret\": \""
                            + secret + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(HttpRequest.newBuilder(
                    URI.create(publish + "/stream?from=start")).build(), HttpResponse.BodyHandlers.ofLines());

            // When the seed is POSTed as text, as the README's curl does
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/articles"))
                    .header("Content-Type", "text/plain").header(TraceContext.HEADER, trace)
                    .POST(HttpRequest.BodyPublishers.ofFile(SeedArticle.FILE)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = Json.mapper().readTree(accepted.body()).get("id").asText();
            long sent = System.nanoTime();

            // Then the publish API serves its ninjs
            HttpResponse<String> document = await(publish + "/articles/" + id, response -> response.statusCode() == 200);
            System.out.printf("POST to GET /articles/{id}: %d ms%n", (System.nanoTime() - sent) / 1_000_000);
            JsonNode ninjs = Json.mapper().readTree(document.body());
            assertThat(ninjs.get("uri").asText()).isEqualTo(ArticleIds.uri(id));
            assertThat(ninjs.get("headlines").get(0).get("value").asText()).isEqualTo(SeedArticle.HEADLINE);

            // And the live stream delivered it as one event
            String event = stream.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).body()
                    .filter(line -> line.startsWith("data:") && line.contains(ArticleIds.uri(id)))
                    .findFirst().orElseThrow();
            assertThat(Json.mapper().readTree(event.substring(5)).get("uri").asText()).isEqualTo(ArticleIds.uri(id));

            // And every feed has it
            for (String feed : List.of("/feed.json", "/feed.atom", "/feed.rss")) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(publish + feed)).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).as(feed).contains("Russia reset");
            }

            // And the webhook subscriber got it, signed with its secret
            TestReceiver.Delivery delivery = receiver.next(TIMEOUT);
            assertThat(delivery.signature()).isEqualTo("sha256=" + hmacSha256(secret, delivery.body()));
            assertThat(Json.mapper().readTree(delivery.body()).get("uri").asText()).isEqualTo(ArticleIds.uri(id));

            // And the ingest API follows the article to "published"
            HttpResponse<String> status = await(ingest + "/v1/articles/" + id,
                    response -> response.body().contains("\"published\""));
            assertThat(Json.mapper().readTree(status.body()).get("status").asText()).isEqualTo("published");

            // And the trace the sender started is on the published record
            List<ConsumerRecord<String, byte[]>> published = new TopicProbe(kafka).read(topics.published(), 1,
                    TIMEOUT, Duration.ZERO);
            assertThat(published).hasSize(1);
            assertThat(HeaderText.get(published.get(0).headers(), TraceContext.HEADER)).isEqualTo(trace);
            // And what was published is valid ninjs 2.1, as its header says
            assertThat(NinjsSchema.violations(Json.mapper().readTree(published.get(0).value()))).isEmpty();
            assertThat(HeaderText.get(published.get(0).headers(), "schema-version")).isEqualTo("ninjs-2.1");

            // And enrich, in the same JVM as `newsflow run` starts it, serves its own metrics: the one article counted
            HttpResponse<String> enrichMetrics = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + pipeline.enrich().httpPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(enrichMetrics.statusCode()).isEqualTo(200);
            assertThat(new PrometheusText(enrichMetrics.body())
                    .value("newsflow_articles_enriched_total", "service=\"enrich\"")).isEqualTo(1.0);
        }
    }

    private static String hmacSha256(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private HttpResponse<String> await(String url, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> response;
        do {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (done.test(response)) {
                return response;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(url + " still answers " + response.statusCode() + " " + response.body());
    }
}
