package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/**
 * Two publish instances of one application, as a platform team runs them behind a load balancer: the one task runs on
 * one of them, and both answer the feeds and {@code /articles/{id}} (the other from its standby copy).
 */
@ExtendWith(KafkaBrokerExtension.class)
class TwoPublishInstancesIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void bothInstancesAnswerForEveryArticle(TestKafka kafka) throws Exception {
        PipelineSettings settings = IsolatedPublishService.settings(kafka, tmp.resolve("first"), "two-publish-it", 2);
        Topics topics = Topics.of(settings.topics());
        try (PublishService first = new PublishService(new PublishConfig(settings, "127.0.0.1", 0));
             PublishService second = new PublishService(new PublishConfig(settings.withStateDir(tmp.resolve("second")),
                     "127.0.0.1", 0))) {
            first.start();
            second.start();
            EnrichedArticle article = EnrichedArticle.basic("harbour", "test", Instant.parse("2026-11-24T09:01:00Z"),
                    "Harbour reopens", List.of("The harbour reopened."), "hash-2");
            IsolatedPublishService.writeEnriched(new TopicProbe(kafka), topics, article);

            for (PublishService instance : List.of(first, second)) {
                String base = "http://127.0.0.1:" + instance.httpPort();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    HttpResponse<String> feed = get(base + "/feed.json");
                    assertThat(feed.statusCode()).isEqualTo(200);
                    assertThat(Json.mapper().readTree(feed.body()).get("items"))
                            .extracting(item -> item.get("title").asText()).containsExactly("Harbour reopens");
                    assertThat(get(base + "/articles/harbour").statusCode()).isEqualTo(200);
                });
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
