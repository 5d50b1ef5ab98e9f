package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Json;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.ninjs.NinjsDocument;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class PublishServiceIT {

    @TempDir
    Path tmp;

    @Test
    void publishesNinjsOnTheTopicAndOverHttp(TestKafka kafka) throws Exception {
        // Given publish-service on its own topics, HTTP on a free port
        PipelineSettings settings = IsolatedPublishService.settings(kafka, tmp, "publish-it", 2);
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        try (PublishService service = new PublishService(new PublishConfig(settings, "127.0.0.1", 0))) {
            service.start();

            // When an enriched article arrives twice (a redelivery)
            EnrichedArticle article = EnrichedArticle.basic("story-9", "test", Instant.parse("2026-11-24T09:00:00Z"),
                    "Headline", List.of("Body text."), "hash-1");
            byte[] value = topics.enriched().valueSerde().serializer().serialize("t", article);
            probe.send(new ProducerRecord<>(topics.enriched().name(), "story-9", value));
            probe.send(new ProducerRecord<>(topics.enriched().name(), "story-9", value));

            // Then it is published once, keyed by uri
            List<ConsumerRecord<String, byte[]>> published = probe.read(topics.published().name(), 1,
                    Duration.ofSeconds(60), Duration.ofSeconds(2));
            assertThat(published).extracting(ConsumerRecord::key).containsExactly("urn:newsflow:article:story-9");
            NinjsDocument document = topics.published().valueSerde().deserializer().deserialize("t",
                    published.get(0).value());
            assertThat(document.mainHeadline()).isEqualTo("Headline");

            // And served over HTTP as the same document
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + service.httpPort() + "/articles/story-9");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200));
            String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(Json.mapper().readValue(body, NinjsDocument.class)).isEqualTo(document);
            JsonNode list = Json.mapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.httpPort() + "/articles")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(list).hasSize(1);
        }
    }
}
