package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.Json;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An embargoed article survives a restart of publish-service and is published once its time has come. */
@ExtendWith(KafkaBrokerExtension.class)
class EmbargoRestartIT {

    @TempDir
    Path tmp;

    @Test
    void holdsAnEmbargoedArticleAcrossARestartAndReleasesItAfterItsTime(TestKafka kafka) throws Exception {
        PipelineSettings settings = IsolatedPublishService.settings(kafka, tmp.resolve("first"), "embargo", 2);
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        Instant until = Instant.now().plusSeconds(12).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        EnrichedArticle article = EnrichedArticle.basic("held-1", "test", Instant.now(), "Budget embargoed",
                List.of("The budget is embargoed until noon."), "h1").withEmbargoedUntil(until);

        // Given an embargoed article taken in by one publish instance, which then stops before its time
        try (PublishService first = new PublishService(new PublishConfig(settings, "127.0.0.1", 0))) {
            first.start();
            IsolatedPublishService.writeEnriched(probe, topics, article);
            assertThat(probe.read(topics.published().name(), 1, Duration.ofSeconds(5), Duration.ZERO)).isEmpty();
        }

        // When another instance starts on fresh local state (restored from the changelog)
        try (PublishService second = new PublishService(new PublishConfig(
                settings.withStateDir(tmp.resolve("second")), "127.0.0.1", 0))) {
            second.start();

            // Then the article is published once, after its embargo, marked as embargoed until then
            List<ConsumerRecord<String, byte[]>> published = probe.read(topics.published().name(), 1,
                    Duration.ofSeconds(60), Duration.ofSeconds(2));
            assertThat(published).hasSize(1);
            JsonNode document = Json.mapper().readTree(published.get(0).value());
            assertThat(document.get("embargoed").asText()).isEqualTo(until.toString());
            assertThat(Instant.parse(document.get("versioncreated").asText())).isAfterOrEqualTo(until);
            System.out.printf("released %d ms after the embargo%n", Duration.between(until,
                    Instant.parse(document.get("versioncreated").asText())).toMillis());
        }
    }
}
