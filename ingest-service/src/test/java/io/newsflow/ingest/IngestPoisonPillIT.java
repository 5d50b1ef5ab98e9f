package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.contract.ArticleIds;
import io.newsflow.contract.ArticleStatus;
import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.DeadLetterHeaders;
import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.HeaderText;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.PoisonPill;
import io.newsflow.kafka.test.PoisonPillRun;
import io.newsflow.kafka.test.PoisonPillRun.Refusal;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link PoisonPill} on every topic ingest reads, between good records, on a real broker: news.inbound, which
 * ingest owns (each pill is dead-lettered), and news.raw, news.enriched, news.published and news.dlq, which its status
 * flow only observes (no pill is dead-lettered by ingest: their owners do that, and news.dlq would loop).
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestPoisonPillIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

    private static final String STEP = "ingest.normalize";
    private static final Map<PoisonPill, Refusal> INBOUND = new EnumMap<>(Map.of(
            PoisonPill.NON_UTF8, new Refusal("invalid-utf8", STEP,
                    "the article is not valid UTF-8 (bad byte near offset 10)"),
            PoisonPill.TRUNCATED_JSON, new Refusal("malformed-json", STEP,
                    "the JSON envelope cannot be parsed: Unexpected end-of-input: was expecting closing quote for a string value"),
            PoisonPill.DEEP_NESTING, new Refusal("malformed-json", STEP,
                    "Document nesting depth (33) exceeds the maximum allowed (32"),
            PoisonPill.OVERSIZED, new Refusal("too-large", STEP,
                    "the article is 26214400 bytes; the limit is 1048576 bytes"),
            PoisonPill.WRONG_SHAPE, new Refusal("missing-field", STEP, "field 'body' is required"),
            PoisonPill.NULL_VALUE, new Refusal("null-value", STEP,
                    "the record has no value (a tombstone); expected an article")));

    @TempDir
    Path tmp;

    @Test
    void deadLettersEveryPillOnInboundWholeWithItsPositionAndIngestsEveryArticleAroundIt(TestKafka kafka) {
        // Given ingest-service on topics of its own, one partition, so that records keep the order they were sent in
        PipelineSettings settings = settings(kafka);
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        try (IngestService service = new IngestService(config(settings))) {
            service.start();

            // When news.inbound gets a good article, then each pill followed by another good article
            PoisonPillRun pills = PoisonPillRun.send(probe, topics.inbound().name(), id -> goodArticle(topics, id));

            // Then every good article is on news.raw, in the order sent
            assertThat(probe.read(topics.raw().name(), pills.goodIds().size(), TIMEOUT, SETTLE))
                    .extracting(ConsumerRecord::key).containsExactlyElementsOf(pills.goodIds());

            // And every pill is on news.dlq, once, as it was sent, saying where it was read and why it was refused
            pills.assertDeadLettered(probe.read(topics.dlq().name(), PoisonPill.all().size(), TIMEOUT, SETTLE),
                    INBOUND);

            // And ingest never stopped: running, no stream thread failed on the way
            PoisonPillRun.assertRunning(service.streams());
        }
    }

    @Test
    void theStatusFlowReadsPastEveryPillOnTheTopicsItObservesAndDeadLettersNone(TestKafka kafka) {
        // Given ingest-service on topics of its own
        PipelineSettings settings = settings(kafka);
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        try (IngestService service = new IngestService(config(settings))) {
            service.start();
            ArticleStatuses statuses = new ArticleStatuses(service.streams().kafkaStreams());

            // When each observed topic gets a good record, every pill, and another good record
            around(probe, topics.raw().name(), id -> record(topics.raw().name(), id, topics.raw().valueSerde()
                    .serializer().serialize("t", new RawArticle(id, "test", AT, ContentTypes.TEXT, "Title\nBody."))));
            around(probe, topics.enriched().name(), id -> record(topics.enriched().name(), id,
                    topics.enriched().valueSerde().serializer().serialize("t", EnrichedArticle.basic(id, "test", AT, "Title",
                            List.of("Body."), "hash-" + id))));
            around(probe, topics.published().name(), id -> record(topics.published().name(), ArticleIds.uri(id),
                    topics.published().valueSerde().serializer().serialize("t", NinjsDocument.basic(ArticleIds.uri(id), "1",
                            "en", List.of(new NinjsDocument.Headline("main", "text/plain", "Title")),
                            List.of(new NinjsDocument.Body("main", "text/plain", "Body.", 1, 5)),
                            AT.toString(), AT.toString()))));
            around(probe, topics.dlq().name(), id -> {
                ProducerRecord<String, byte[]> letter = record(topics.dlq().name(), id,
                        "Title\n".getBytes(StandardCharsets.UTF_8));
                HeaderText.put(letter.headers(), DeadLetterHeaders.ERROR, "empty-body");
                HeaderText.put(letter.headers(), DeadLetterHeaders.MESSAGE, "the article is empty");
                HeaderText.put(letter.headers(), DeadLetterHeaders.STEP, "enrich");
                HeaderText.put(letter.headers(), DeadLetterHeaders.ARTICLE_ID, id);
                return letter;
            });

            // Then the good records before and after the pills give their articles' statuses
            Map<String, String> expected = Map.of(
                    topics.raw().name(), ArticleStatus.ACCEPTED, topics.enriched().name(), ArticleStatus.ENRICHED,
                    topics.published().name(), ArticleStatus.PUBLISHED, topics.dlq().name(), ArticleStatus.REJECTED);
            await().atMost(TIMEOUT).untilAsserted(() -> expected.forEach((topic, status) -> {
                for (String id : List.of(goodId(topic, "before"), goodId(topic, "after"))) {
                    assertThat(statuses.of(id)).map(ArticleStatus::status).as(id).isEqualTo(Optional.of(status));
                }
            }));
            assertThat(statuses.of(goodId(topics.dlq().name(), "after"))).map(ArticleStatus::reason)
                    .hasValue("the article is empty");

            // And news.dlq holds only what was sent to it: ingest dead-lettered none of the pills it read
            List<ConsumerRecord<String, byte[]>> dead = probe.read(topics.dlq().name(), 8, TIMEOUT, SETTLE);
            List<String> sentToDlq = new ArrayList<>();
            sentToDlq.add(goodId(topics.dlq().name(), "before"));
            PoisonPill.all().forEach(pill -> sentToDlq.add(pill.key()));
            sentToDlq.add(goodId(topics.dlq().name(), "after"));
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyElementsOf(sentToDlq);
            assertThat(dead).allSatisfy(letter -> assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isNull());

            // And ingest never stopped: running, no stream thread failed on the way
            PoisonPillRun.assertRunning(service.streams());
        }
    }

    /** A good record (key {@code TOPIC-before}), every pill, another good record ({@code TOPIC-after}). */
    private static void around(TopicProbe probe, String topic, Function<String, ProducerRecord<String, byte[]>> good) {
        probe.send(good.apply(goodId(topic, "before")));
        for (PoisonPill pill : PoisonPill.all()) {
            probe.send(new ProducerRecord<>(topic, pill.key(), pill.value()));
        }
        probe.send(good.apply(goodId(topic, "after")));
    }

    private static String goodId(String topic, String when) {
        return topic.substring(topic.lastIndexOf('.') + 1) + "-" + when;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key, value);
    }

    private static ProducerRecord<String, byte[]> goodArticle(Topics topics, String id) {
        ProducerRecord<String, byte[]> record = record(topics.inbound().name(), id,
                ("Good article " + id + "\nIts body.").getBytes(StandardCharsets.UTF_8));
        HeaderText.put(record.headers(), InboundTopology.CONTENT_TYPE_HEADER, ContentTypes.TEXT);
        return record;
    }

    private PipelineSettings settings(TestKafka kafka) {
        return IngestTestSettings.pipeline(kafka, tmp.resolve("state"), 1);
    }

    /** The default article limit (1 MiB), HTTP on a free port. */
    private static IngestConfig config(PipelineSettings settings) {
        return new IngestConfig(settings, IngestConfig.DEFAULT_MAX_BYTES, "127.0.0.1", 0, Map.of(), 600);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return HeaderText.get(record.headers(), name);
    }
}
