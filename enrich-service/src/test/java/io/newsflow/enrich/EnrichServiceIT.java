package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.contract.streams.StreamsService;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class EnrichServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void enrichesRawArticlesAndDeadLettersUnreadableRecordsWithTheirPosition(TestKafka kafka) {
        // Given enrich-service on its own topics
        String run = "enrich-it-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = PipelineSettings.forRun(kafka.bootstrapServers(), run, 1, tmp);
        TopicAdmin.ensureTopics(settings, run + "-admin");
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        try (StreamsService service = EnrichApp.service(settings)) {
            service.start();

            // When news.raw gets truncated JSON and then the seed
            byte[] truncated = "{\"id\":\"x\",".getBytes(StandardCharsets.UTF_8);
            probe.send(new ProducerRecord<>(topics.raw().name(), "broken", truncated));
            RawArticle seed = new RawArticle("seed", "test", Instant.parse("2026-11-24T09:00:00Z"), ContentTypes.TEXT,
                    Seed.text());
            probe.send(new ProducerRecord<>(topics.raw().name(), "seed",
                    topics.raw().valueSerde().serializer().serialize("t", seed)));

            // Then the seed is enriched and the broken record is on news.dlq, as sent, with where it came from
            List<ConsumerRecord<String, byte[]>> enriched = probe.read(topics.enriched().name(), 1, TIMEOUT,
                    Duration.ofSeconds(1));
            assertThat(enriched).hasSize(1);
            EnrichedArticle article = topics.enriched().valueSerde().deserializer().deserialize("t",
                    enriched.get(0).value());
            assertThat(article.headline()).isEqualTo(Seed.HEADLINE);
            assertThat(article.body()).startsWith(Seed.BODY_START).doesNotContain("[ad_");

            List<ConsumerRecord<String, byte[]>> dead = probe.read(topics.dlq().name(), 1, TIMEOUT,
                    Duration.ofSeconds(1));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(truncated);
            assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.ERROR))
                    .isEqualTo("org.apache.kafka.common.errors.SerializationException");
            assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC))
                    .isEqualTo(topics.raw().name());
            assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
            assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.MESSAGE))
                    .contains("is not a valid RawArticle");
        }
    }
}
