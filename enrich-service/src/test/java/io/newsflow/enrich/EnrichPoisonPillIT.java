package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.ContentTypes;
import io.newsflow.contract.RawArticle;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.contract.streams.StreamsService;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.PoisonPill;
import io.newsflow.kafka.test.PoisonPillRun;
import io.newsflow.kafka.test.PoisonPillRun.Refusal;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every {@link PoisonPill} on news.raw, between good articles, on a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class EnrichPoisonPillIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final String SERIALIZATION = "org.apache.kafka.common.errors.SerializationException";

    private static final Map<PoisonPill, Refusal> EXPECTED = new EnumMap<>(Map.of(
            PoisonPill.NON_UTF8, new Refusal(SERIALIZATION, "enrich.read", "Invalid UTF-8 middle byte 0x22"),
            PoisonPill.TRUNCATED_JSON, new Refusal(SERIALIZATION, "enrich.read",
                    "Unexpected end-of-input in VALUE_STRING"),
            PoisonPill.DEEP_NESTING, new Refusal(SERIALIZATION, "enrich.read",
                    "Document nesting depth (33) exceeds the maximum allowed (32"),
            PoisonPill.OVERSIZED, new Refusal(SERIALIZATION, "enrich.read",
                    "is 26214400 bytes, over the 16777216-byte limit of newsflow records; not read as RawArticle"),
            PoisonPill.WRONG_SHAPE, new Refusal(SERIALIZATION, "enrich.read", "is not a valid RawArticle"),
            PoisonPill.NULL_VALUE, new Refusal("null-value", "enrich",
                    "the record has no value (a tombstone); expected an article")));

    @TempDir
    Path tmp;

    @Test
    void deadLettersEveryPillWholeWithItsPositionAndEnrichesEveryArticleAroundIt(TestKafka kafka) {
        // Given enrich-service on topics of its own, one partition, so that records keep the order they were sent in
        String run = "enrich-pills-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = PipelineSettings.forRun(kafka.bootstrapServers(), run, 1, tmp);
        TopicAdmin.ensureTopics(settings, run + "-admin");
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        try (StreamsService service = EnrichApp.service(settings)) {
            service.start();

            // When news.raw gets a good article, then each pill followed by another good article
            PoisonPillRun pills = PoisonPillRun.send(probe, topics.raw().name(), id -> goodArticle(topics, id));

            // Then every good article is enriched, in the order sent
            assertThat(probe.read(topics.enriched().name(), pills.goodIds().size(), TIMEOUT, SETTLE))
                    .extracting(ConsumerRecord::key).containsExactlyElementsOf(pills.goodIds());

            // And every pill is on news.dlq, once, as it was sent, saying where it was read and why it was refused
            pills.assertDeadLettered(probe.read(topics.dlq().name(), PoisonPill.all().size(), TIMEOUT, SETTLE),
                    EXPECTED);

            // And enrich never stopped: running, no stream thread failed on the way
            PoisonPillRun.assertRunning(service);
        }
    }

    private static ProducerRecord<String, byte[]> goodArticle(Topics topics, String id) {
        RawArticle article = new RawArticle(id, "test", Instant.parse("2026-11-24T09:00:00Z"), ContentTypes.TEXT,
                Seed.text());
        return new ProducerRecord<>(topics.raw().name(), id,
                topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article));
    }
}
