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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
        try (IngestService service = new IngestService(config(settings))) {
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
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        Files.writeString(drop.resolve("b-story.html"), "<h1>T</h1><p>Body</p>");
        Files.writeString(drop.resolve("a-story.txt"), "Title\nBody");
        Files.writeString(drop.resolve("c-empty.txt"), "\n");
        Files.writeString(drop.resolve(".hidden.txt"), "ignored");

        List<DropFolder.FileResult> results;
        TopicProbe probe = new TopicProbe(kafka);
        try (IngestService service = new IngestService(config(settings))) {
            service.start();
            results = service.dropFolder().ingest(drop);

            assertThat(results).extracting(DropFolder.FileResult::id).containsExactly("a-story", "b-story", "c-empty");
            assertThat(results).extracting(DropFolder.FileResult::accepted).containsExactly(true, true, false);
            assertThat(results.get(2).rejection().error()).isEqualTo("empty-body");
            assertThat(probe.read(topics.raw().name(), 2, TIMEOUT, SETTLE)).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("a-story", "b-story");
        }
        List<ConsumerRecord<String, byte[]>> dead = probe.read(topics.dlq().name(), 1, TIMEOUT, SETTLE);
        assertThat(dead).hasSize(1);
        assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.ORIGIN))
                .isEqualTo(drop.resolve("c-empty.txt").toAbsolutePath().toString());
        assertThat(HeaderText.get(dead.get(0).headers(), DeadLetterHeaders.ARTICLE_ID)).isEqualTo("c-empty");
        try (var files = Files.list(drop)) {
            assertThat(files.count()).isEqualTo(4);
        }
    }

    @Test
    void watchesAFolderMovingEachFileOnceWrittenOrRejected(TestKafka kafka) throws Exception {
        PipelineSettings settings = settings(kafka);
        Topics topics = Topics.of(settings.topics());
        Path drop = Files.createDirectories(tmp.resolve("watched"));
        TopicProbe probe = new TopicProbe(kafka);
        try (IngestService service = new IngestService(config(settings))) {
            service.start();
            DropFolderWatcher watcher = new DropFolderWatcher(drop, service.gateway(), service.dropFolder(),
                    java.time.Clock.systemUTC());

            // When a good and a bad file appear, the first pass only notes them (they may still be being written)
            Files.writeString(drop.resolve("w-good.txt"), "Title\nBody of a watched article.");
            Files.write(drop.resolve("w-bad.txt"), new byte[] {(byte) 0xC3, (byte) 0x28});
            assertThat(watcher.scan()).isZero();
            // and the next pass, with both unchanged, takes them
            assertThat(watcher.scan()).isEqualTo(2);

            assertThat(drop.resolve(".processed/w-good.txt")).exists();
            assertThat(drop.resolve(".failed/w-bad.txt")).exists();
            assertThat(drop.resolve(".failed/w-bad.txt.error.txt")).content()
                    .startsWith("invalid-utf8: the article is not valid UTF-8");
            assertThat(drop.resolve("w-good.txt")).doesNotExist();
            assertThat(probe.read(topics.raw().name(), 1, TIMEOUT, SETTLE)).extracting(ConsumerRecord::key)
                    .containsExactly("w-good");
            assertThat(probe.read(topics.dlq().name(), 1, TIMEOUT, SETTLE)).hasSize(1);

            // When the good file is dropped again, changed, it is taken again (a correction) and replaces the old one
            Files.writeString(drop.resolve("w-good.txt"), "Title\nCorrected body of a watched article.");
            watcher.scan();
            assertThat(watcher.scan()).isEqualTo(1);
            assertThat(drop.resolve(".processed/w-good.txt")).content().contains("Corrected");
        }
    }

    @Test
    void deadLettersDropFolderFilesOverTheSizeLimitAndIngestsTheRest(TestKafka kafka) throws Exception {
        // What ingest rejects is not bounded by its size limit: a 17 MiB file was over the plain producers' 16 MiB
        // and failed the whole folder. One larger than news.dlq takes is dead-lettered cut, with its size in a header.
        PipelineSettings settings = settings(kafka);
        Topics topics = Topics.of(settings.topics());
        Path drop = Files.createDirectories(tmp.resolve("drop"));
        Files.writeString(drop.resolve("a-story.txt"), "Title\nBody");
        byte[] big = filled(17 * 1024 * 1024);
        byte[] giant = filled(KafkaSettings.MAX_TOPIC_RECORD_BYTES + 1000);
        Files.write(drop.resolve("b-big.txt"), big);
        Files.write(drop.resolve("c-giant.txt"), giant);

        TopicProbe probe = new TopicProbe(kafka);
        try (IngestService service = new IngestService(config(settings))) {
            service.start();
            List<DropFolder.FileResult> results = service.dropFolder().ingest(drop);

            assertThat(results).extracting(DropFolder.FileResult::accepted).containsExactly(true, false, false);
            assertThat(results.subList(1, 3)).allSatisfy(result ->
                    assertThat(result.rejection().error()).isEqualTo("too-large"));
            assertThat(probe.read(topics.raw().name(), 1, TIMEOUT, SETTLE)).extracting(ConsumerRecord::key)
                    .containsExactly("a-story");
        }
        Map<String, ConsumerRecord<String, byte[]>> dead = new HashMap<>();
        probe.read(topics.dlq().name(), 2, TIMEOUT, SETTLE).forEach(letter -> dead.put(letter.key(), letter));
        assertThat(dead).containsOnlyKeys("b-big", "c-giant");
        assertThat(dead.get("b-big").value()).isEqualTo(big);
        assertThat(HeaderText.get(dead.get("b-big").headers(), DeadLetterHeaders.ORIGINAL_BYTES)).isNull();
        assertThat(dead.get("c-giant").value()).isEqualTo(Arrays.copyOf(giant, KafkaSettings.MAX_TOPIC_RECORD_BYTES));
        assertThat(HeaderText.get(dead.get("c-giant").headers(), DeadLetterHeaders.ORIGINAL_BYTES))
                .isEqualTo(Integer.toString(giant.length));
        assertThat(HeaderText.get(dead.get("c-giant").headers(), DeadLetterHeaders.MESSAGE)).contains("limit");
    }

    /** Bytes of text that vary, so that compression does not make a large record small. */
    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(26));
        }
        return bytes;
    }

    @Test
    void carriesAnArticleJustUnderTheLimitWhoseJsonIsLargerThanKafkasDefaultLimit(TestKafka kafka) throws Exception {
        // A 1 MiB article of quotes and line breaks: escaped in news.raw's JSON it is about 1.4 MiB, over Kafka's
        // default 1 MiB record limit, which stalled the ingest stream in a loop of failing writes.
        PipelineSettings settings = settings(kafka);
        Topics topics = Topics.of(settings.topics());
        String text = "Title\n" + "\"quoted\"\n".repeat((IngestConfig.DEFAULT_MAX_BYTES - 100) / 9);
        try (IngestService service = new IngestService(IngestConfig.defaults(settings).withHttpPort(0))) {
            service.start();
            IngestGateway.Submission submission = service.gateway().submit(new InboundMessage("big-1",
                    text.getBytes(StandardCharsets.UTF_8), "text/plain", "test", null, "test",
                    java.time.Instant.now()), null);
            assertThat(submission.accepted()).isTrue();
            List<ConsumerRecord<String, byte[]>> raw = new TopicProbe(kafka).read(topics.raw().name(), 1, TIMEOUT,
                    SETTLE);
            assertThat(raw).extracting(ConsumerRecord::key).containsExactly("big-1");
            assertThat(raw.get(0).value().length).isGreaterThan(1024 * 1024);
        }
    }

    static IngestConfig config(PipelineSettings settings) {
        return new IngestConfig(settings, 1024, "127.0.0.1", 0, Map.of(), 600);
    }

    private PipelineSettings settings(TestKafka kafka) {
        return IngestTestSettings.pipeline(kafka, tmp.resolve("state"));
    }
}
