package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Json;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** publish-service as it runs: the feeds serve what the topology put in its state store. */
@ExtendWith(KafkaBrokerExtension.class)
class PublishFeedsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void servesThePublishedArticlesAsFeeds(TestKafka kafka) throws Exception {
        PipelineSettings settings = IsolatedPublishService.settings(kafka, tmp, "publish-feeds-it", 2);
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        try (PublishService service = new PublishService(new PublishConfig(settings, "127.0.0.1", 0))) {
            service.start();
            for (EnrichedArticle article : List.of(
                    EnrichedArticle.basic("talks", "test", Instant.parse("2026-11-24T09:00:00Z"),
                            "Russia reset", List.of("Talks in Riyadh."), "hash-1"),
                    EnrichedArticle.basic("harbour", "test", Instant.parse("2026-11-24T09:01:00Z"),
                            "Harbour reopens", List.of("The harbour reopened."), "hash-2"))) {
                IsolatedPublishService.writeEnriched(probe, topics, article);
            }
            String base = "http://127.0.0.1:" + service.httpPort();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Json.mapper().readTree(get(base + "/feed.json").body()).get("items")).hasSize(2));
            assertThat(get(base + "/feed.atom").body()).contains("<title type=\"text\">Russia reset</title>",
                    "<title type=\"text\">Harbour reopens</title>");
            assertThat(get(base + "/feed.rss?q=riyadh").body()).contains("<title>Russia reset</title>")
                    .doesNotContain("Harbour reopens");
            JsonNode firstPage = Json.mapper().readTree(get(base + "/feed.json?limit=1").body());
            assertThat(firstPage.get("items")).extracting(item -> item.get("title").asText())
                    .containsExactly("Harbour reopens"); // published last: newest first
            JsonNode secondPage = Json.mapper().readTree(get(firstPage.get("next_url").asText()).body());
            assertThat(secondPage.get("items")).extracting(item -> item.get("title").asText())
                    .containsExactly("Russia reset");
            assertThat(secondPage.has("next_url")).isFalse();

            // A correction is a newer version: it moves to the top of every list, and is listed once.
            EnrichedArticle correction = EnrichedArticle.basic("talks", "test", Instant.parse("2026-11-24T09:05:00Z"),
                    "Russia reset, corrected", List.of("Talks in Riyadh, corrected."), "hash-1b");
            IsolatedPublishService.writeEnriched(probe, topics, correction);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Json.mapper().readTree(get(base + "/feed.json").body()).get("items"))
                            .extracting(item -> item.get("title").asText())
                            .containsExactly("Russia reset, corrected", "Harbour reopens"));
            String etag = get(base + "/feed.atom").headers().firstValue("ETag").orElseThrow();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/feed.atom"))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(304);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
