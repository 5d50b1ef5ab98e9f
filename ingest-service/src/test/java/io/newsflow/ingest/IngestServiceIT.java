package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.TopicNames;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.KafkaSettings;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class IngestServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    @Test
    void normalizesInboundRecordsToRawAndDeadLettersTheBadOnes(TestKafka kafka) throws Exception {
        // Given a running ingest-service on its own topics
        PipelineSettings settings = settings(kafka);
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        try (IngestService service = new IngestService(new IngestConfig(settings, 1024))) {
            service.start();

            // When a newsroom produces a good article and an empty one
            ProducerRecord<String, byte[]> good = new ProducerRecord<>(topics.inbound().name(), "story-1",
                    "Title\nBody.".getBytes(StandardCharsets.UTF_8));
            HeaderText.put(good.headers(), "content-type", "text/plain");
            probe.send(good);
            probe.send(new ProducerRecord<>(topics.inbound().name(), "story-2", "  ".getBytes(StandardCharsets.UTF_8)));

            // Then the good one is on news.raw under its id, the empty one on news.dlq with the reason
            List<ConsumerRecord<String, byte[]>> raw = probe.read(topics.raw().name(), 1, TIMEOUT, SETTLE);
            assertThat(raw).hasSize(1);
            RawArticle article = topics.raw().valueSerde().deserializer().deserialize("t", raw.get(0).value());
            assertThat(raw.get(0).key()).isEqualTo("story-1");
            assertThat(article.payload()).isEqualTo("Title\nBody.");
            assertThat(article.contentType()).isEqualTo(ContentTypes.TEXT);
            assertThat(article.source()).isEqualTo("kafka:" + topics.inbound().name());

            List<ConsumerRecord<String, byte[]>> dead = probe.read(topics.dlq().name(), 1, TIMEOUT, SETTLE);
            assertThat(dead).hasSize(1);
            assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.ERROR)).isEqualTo("empty-body");
            assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC))
                    .isEqualTo(topics.inbound().name());
        }
    }

    @Test
    void ingestsADropFolderWithoutTouchingItsFiles(TestKafka kafka) throws Exception {
        PipelineSettings settings = settings(kafka);
        Topics topics = Topics.of(settings.topics());
        Files.writeString(tmp.resolve("b-story.html"), "<h1>T</h1><p>Body</p>");
        Files.writeString(tmp.resolve("a-story.txt"), "Title\nBody");
        Files.writeString(tmp.resolve("c-empty.txt"), "\n");
        Files.writeString(tmp.resolve(".hidden.txt"), "ignored");

        List<DropFolder.FileResult> results;
        try (IngestService service = new IngestService(new IngestConfig(settings, 1024))) {
            results = service.dropFolder().ingest(tmp);
        }

        assertThat(results).extracting(DropFolder.FileResult::id).containsExactly("a-story", "b-story", "c-empty");
        assertThat(results).extracting(DropFolder.FileResult::accepted).containsExactly(true, true, false);
        assertThat(results.get(2).rejection().error()).isEqualTo("empty-body");
        TopicProbe probe = new TopicProbe(kafka);
        assertThat(probe.read(topics.raw().name(), 2, TIMEOUT, SETTLE)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("a-story", "b-story");
        List<ConsumerRecord<String, byte[]>> dead = probe.read(topics.dlq().name(), 1, TIMEOUT, SETTLE);
        assertThat(dead).hasSize(1);
        assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.ORIGIN))
                .isEqualTo(tmp.resolve("c-empty.txt").toAbsolutePath().toString());
        assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.ARTICLE_ID)).isEqualTo("c-empty");
        try (var files = Files.list(tmp)) {
            assertThat(files.count()).isEqualTo(4);
        }
    }

    private PipelineSettings settings(TestKafka kafka) {
        String run = "ingest-it-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = new PipelineSettings(KafkaSettings.of(kafka.bootstrapServers()),
                TopicNames.prefixed(run + "."), 2, Optional.empty(), run, tmp.resolve("state"),
                PipelineSettings.EXACTLY_ONCE);
        TopicAdmin.ensureTopics(settings, run + "-admin");
        return settings;
    }
}
